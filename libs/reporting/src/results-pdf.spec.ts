import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { pdfText } from '../../../test/support/pdf-text';
import type { BriefResults } from './brief-results.service';
import { CJK_FONTS, niceMax, renderResultsPdf } from './results-pdf';

const phase = (attempts: number) => ({
  contactsAttempted: attempts,
  contactsReached: 1,
  contactsSuccessful: 1,
  attempts,
  humanAnswered: 1,
  successes: 1,
  reachRate: 0.5,
  successRate: 1,
});

const results: BriefResults = {
  briefId: '6f1c1d2e-0000-4000-8000-000000000001',
  title: '续约提醒 Renewal',
  departmentId: '6f1c1d2e-0000-4000-8000-000000000002',
  status: 'completed',
  campaigns: [
    { id: 'c1', name: 'Wave 1', state: 'completed', startedAt: null, completedAt: new Date('2026-05-02T10:00:00Z') },
  ],
  contacts: 17,
  contactsAttempted: 13,
  reached: 7,
  successful: 5,
  reachRate: 7 / 13,
  successRate: 5 / 7,
  inProgress: 0,
  notReached: { total: 10, byReason: { busy: 4, 'no-answer': 6 } },
  byResult: {} as BriefResults['byResult'],
  attempts: 62,
  attemptsPerContact: { average: 29 / 13, max: 4, distribution: {} },
  outcomes: { 'answered-human': 7, busy: 9, 'no-answer': 13 },
  dispositions: [],
  answers: [],
  byDay: [
    { day: '2026-05-01', attempts: 11, humanAnswered: 3, successes: 2 },
    { day: '2026-05-02', attempts: 18, humanAnswered: 4, successes: 3 },
  ],
  byHour: [
    { hour: 9, attempts: 37, humanAnswered: 5, successes: 4 },
    { hour: 14, attempts: 25, humanAnswered: 2, successes: 1 },
  ],
  pilot: phase(3),
  fullRun: phase(26),
  deadline: {
    deadline: new Date('2026-06-01T00:00:00Z'),
    finishedAt: null,
    lastAttemptAt: null,
    met: true,
    state: 'met',
  },
  generatedAt: new Date('2026-05-03T08:00:00Z'),
};

describe('results PDF', () => {
  it('rounds axis maxima to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 11, 29, 250, 1001].map(niceMax)).toEqual([1, 1, 5, 10, 20, 50, 500, 2000]);
  });

  const haveCjk = CJK_FONTS.some((f) => existsSync(f.path));
  (haveCjk ? it : it.skip)('renders Chinese labels with an embedded CJK font, the figures and the charts', async () => {
    const out = await renderResultsPdf(results, 'zh-CN');
    expect(out).toMatchObject({ lang: 'zh-CN', log: [] });
    expect(out.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages } = await pdfText(out.pdf);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('结果报告: 续约提醒 Renewal');
    expect(pages[0]).toMatch(/联系人 +17/);
    expect(pages[0]).toMatch(/拨打次数 +62/);
    expect(pages[0]).toMatch(/接通率 +53\.8%/);
    expect(pages[0]).toContain('按日结果（UTC）');
    expect(pages[0]).toContain('05-02');
    // the first series' values label its bars: attempts by day and by hour
    for (const v of ['11', '18', '37', '25']) expect(pages[0].split(' ')).toContain(v);
    expect(pages[1]).toMatch(/无人接听 +13/);
    expect(pages[1]).toMatch(/忙线 +9/);
    // a subset of the font is embedded (FontFile2 in the file), not referenced by name
    expect(out.pdf.toString('latin1')).toMatch(/\/FontFile2/);
  });

  it('falls back to Helvetica and English labels when no CJK font is installed, and says so', async () => {
    const out = await renderResultsPdf({ ...results, title: 'Renewal' }, 'zh-CN', [{ path: '/nonexistent/font.ttc' }]);
    expect(out.lang).toBe('en');
    expect(out.font).toBeNull();
    expect(out.log.join(' ')).toContain('no CJK font found');
    const { pages } = await pdfText(out.pdf);
    expect(pages[0]).toContain('Results: Renewal');
    expect(pages[0]).toMatch(/Contacts +17/);
    expect(pages[1]).toContain('Note: no CJK font found');
  });
});
