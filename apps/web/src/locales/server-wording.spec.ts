import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import i18next, { type i18n } from 'i18next';
import type { CallingWindows } from '@app/briefs';
import { widerThanBriefParts } from '@app/campaigns';
import { normalisePhone } from '@app/contacts';
import { formatter } from '../format';
import { wordWider } from '../planner/wider';
import { wordReason } from '../server-reasons';

// Texts the API words in English (contact-import row reasons, windows wider than the brief) reach a Chinese page
// through the catalogue: the reasons are produced by the server's own functions here, then worded in Chinese, and no
// English word may be left (codes such as E.164, NUL, a region or a time are not words).
const dir = join('apps', 'web', 'src', 'locales');
const catalogue = (lang: string) =>
  Object.assign(
    {},
    ...['common', 'planner', 'reports', 'requester', 'admin'].map(
      (f) => JSON.parse(readFileSync(join(dir, lang, `${f}.json`), 'utf8')) as Record<string, unknown>,
    ),
  ) as Record<string, unknown>;
const englishWords = (s: string): string[] =>
  (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !['NUL', 'FFFD', 'GB', 'CN', 'E'].includes(w));

let zh: i18n;
let en: i18n;
beforeAll(async () => {
  const make = async (lng: string) => {
    const i = i18next.createInstance();
    await i.init({ lng, resources: { [lng]: { translation: catalogue(lng) } }, interpolation: { escapeValue: false } });
    return i;
  };
  zh = await make('zh-CN');
  en = await make('en');
});

describe('row reasons of import reports on a Chinese page', () => {
  const inputs: [string, string | null][] = [
    ['', 'GB'],
    ['12', 'GB'],
    ['123456789012345678901', 'GB'],
    ['1234567 call me', 'GB'],
    ['020 7946 0958', null],
    ['+86 123 4567', null],
    ['+1 555 000 0000', null],
    ['0000000', 'GB'],
  ];
  const reasons = inputs.map(([raw, region]) => {
    const r = normalisePhone(raw, region);
    return r.ok ? `unexpected: ${raw} is valid` : r.reason;
  });

  it.each(reasons)('"%s" is worded in Chinese, alone and inside the import wrappers', (reason) => {
    for (const text of [reason, `no valid phone number: ${reason}`, `number skipped (the row was kept): ${reason}`]) {
      const worded = wordReason(text, zh.t.bind(zh));
      expect({ text, worded, english: englishWords(worded) }).toEqual({ text, worded, english: [] });
      expect(wordReason(text, en.t.bind(en))).toBe(text);
    }
  });

  it.each([
    // the `matches` messages of the campaign, admin and brief forms (libs/*/src/*.dto.ts)
    ['callerId must be an E.164 number such as +442071234567', '应为 E.164 格式号码（例如 +442071234567）'],
    ['e164 must be an E.164 number such as +8613800138000', '应为 E.164 格式号码（例如 +8613800138000）'],
    ['from must be a time written HH:MM (00:00-23:59)', '应为 HH:MM 格式的时间（00:00-23:59）'],
    ['date must be YYYY-MM-DD', '应为 YYYY-MM-DD 格式的日期'],
    ['region must be a two-letter country code such as CN', '应为两个字母的国家/地区代码（例如 CN）'],
  ])('words the form check "%s" in Chinese', (reason, chinese) => {
    expect(wordReason(reason, zh.t.bind(zh))).toBe(chinese);
  });

  it('keeps a reason it does not know as the API wrote it', () => {
    expect(wordReason('something new', zh.t.bind(zh))).toBe('something new');
  });
});

describe('windows wider than the brief on a Chinese page', () => {
  const w = (over: Partial<CallingWindows> = {}): CallingWindows => ({
    weekdays: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
      day,
      ranges: [{ from: '09:00', to: '17:30' }],
    })),
    evenings: false,
    weekends: false,
    holidays: false,
    holidayDates: ['2026-12-25'],
    timeZone: 'Europe/London',
    ...over,
  });
  const wide = w({
    weekdays: [
      { day: 'mon', ranges: [{ from: '08:00', to: '17:30' }] },
      { day: 'tue', ranges: [{ from: '08:00', to: '17:30' }] },
      { day: 'sat', ranges: [{ from: '10:00', to: '12:00' }] },
    ],
    weekends: true,
    evenings: true,
    holidayDates: [],
  });

  it('words every kind of difference without English words, days and dates in Chinese', () => {
    const parts = widerThanBriefParts(wide, w());
    expect(new Set(parts.map((p) => p.kind))).toEqual(new Set(['hours', 'evenings', 'weekends', 'holiday-dates']));
    const worded = parts.map((p) => wordWider(p, zh.t.bind(zh), formatter('zh-CN')));
    expect(worded.flatMap(englishWords)).toEqual([]);
    expect(worded[0]).toContain('星期一');
    expect(worded[0]).toContain('08:00–09:00');
    expect(worded.join(' ')).toContain('2026年12月25日');
    const holidays = widerThanBriefParts(w({ holidays: true }), w());
    expect(wordWider(holidays[0], zh.t.bind(zh), formatter('zh-CN'))).toBe('活动允许节假日呼叫，需求单不允许');
  });
});
