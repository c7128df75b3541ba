import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pollUntil } from '@app/common';
import type { Campaign, User } from '@app/database';
import { DownloadLinks } from '@app/reporting';
import { createHash } from 'node:crypto';
import { pdfText } from '../../support/pdf-text';
import { smtpSink, type SmtpSink } from '../../support/smtp-sink';
import { aDepartment, aUser } from '../../support/builders';
import { aCampaign, someContacts } from '../../support/campaign-builders';
import { api, startTestApp, TEST_JWT_SECRET, type TestApp } from '../../support/test-app';
import { aBriefRow, anAttempt } from './reporting-builders';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const PUBLIC = 'http://reports.example.test:8443';

describe('reporting: results mailed through SMTP, the PDF summary, signed download links', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let requester: User;
  let admin: User;
  let c: Campaign;
  let briefId: string;
  let title: string;

  beforeAll(async () => {
    smtp = await smtpSink();
    t = await startTestApp('reporting', {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_USER: 'reports',
      SMTP_PASSWORD: 'smtp-test-password',
      SMTP_FROM: 'Dialer reports <reports@dialer.test>',
      REPORTING_PUBLIC_URL: PUBLIC,
      DELIVERY_LINK_TTL_DAYS: '7',
    });
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    requester = await aUser(ds, 'requester', dep.id, `Requester-${Date.now()}@Sales.test`);
    admin = await aUser(ds, 'admin', dep.id);
    c = await aCampaign(ds, { departmentId: dep.id, state: 'running' });
    const [k1, k2, k3] = await someContacts(ds, c, [{ firstName: 'Ann' }, { firstName: 'Bob' }, { firstName: '张伟' }]);
    const brief = await aBriefRow(ds, {
      departmentId: dep.id,
      createdById: requester.id,
      contactListId: c.contactListId,
      deadline: new Date('2030-01-01T00:00:00Z'),
    });
    briefId = brief.id;
    title = `续约提醒 ${brief.title}`;
    await ds.query(`UPDATE briefs SET title = $2, contact_person = $3 WHERE id = $1`, [
      brief.id,
      title,
      { name: 'Ann Owner', email: 'ann.owner@sales.test' },
    ]);
    await ds.query(`UPDATE campaigns SET brief_id = $2 WHERE id = $1`, [c.id, brief.id]);
    const at = (d: string) => ({ at: d });
    await anAttempt(ds, c, {
      contactId: k1.contactId,
      calledNumber: k1.numbers[0],
      ...at('2026-05-01T09:10:00Z'),
      outcome: 'answered-human',
      disposition: ['SALE', 'success'],
    });
    await anAttempt(ds, c, {
      contactId: k2.contactId,
      calledNumber: k2.numbers[0],
      ...at('2026-05-01T09:20:00Z'),
      outcome: 'busy',
    });
    await anAttempt(ds, c, {
      contactId: k2.contactId,
      calledNumber: k2.numbers[0],
      ...at('2026-05-02T14:00:00Z'),
      outcome: 'no-answer',
    });
    await anAttempt(ds, c, {
      contactId: k3.contactId,
      calledNumber: k3.numbers[0],
      ...at('2026-05-02T14:30:00Z'),
      outcome: 'answered-human',
    });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('serves the PDF summary in Chinese and English to the department only; refuses an unknown language', async () => {
    const token = t.tokenFor(requester);
    const res = await fetch(`${t.url}/api/reports/briefs/${briefId}/results.pdf?lang=zh-CN`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-language')).toBe('zh-CN');
    const { pages } = await pdfText(Buffer.from(await res.arrayBuffer()));
    expect(pages[0]).toContain(`结果报告: ${title}`);
    expect(pages[0]).toMatch(/联系人 +3/);
    expect(pages[0]).toMatch(/已接通 +2/);
    expect(pages[0]).toMatch(/成功 +1/);
    expect(pages[0]).toMatch(/拨打次数 +4/);
    expect(pages[0]).toContain('05-01');
    expect(pages[0]).toContain('05-02');
    expect(pages[1]).toMatch(/真人接听 +2/);

    const en = await fetch(`${t.url}/api/reports/briefs/${briefId}/results.pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const enText = await pdfText(Buffer.from(await en.arrayBuffer()));
    expect(enText.pages[0]).toContain(`Results: ${title}`);
    expect(enText.pages[0]).toMatch(/Reach rate +66\.7%/);

    const outsider = await aUser(t.db.ds, 'requester', (await aDepartment(t.db.ds)).id);
    const hidden = await api(t.url, 'GET', `/api/reports/briefs/${briefId}/results.pdf`, {
      token: t.tokenFor(outsider),
    });
    expect(hidden.status).toBe(404);
    const bad = await api(t.url, 'GET', `/api/reports/briefs/${briefId}/results.pdf?lang=fr`, { token });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('lang');
  });

  it('mails the contact person and the requester once, with the summary, a signed link and the archived file', async () => {
    const token = t.tokenFor(admin);
    await t.db.ds.query(`UPDATE campaigns SET state = 'completed', completed_at = now() WHERE id = $1`, [c.id]);

    // the mail server refuses once: the delivery stands, the mail is tried again on the next run
    smtp.refuseNext.on = true;
    const first = await api(t.url, 'POST', '/api/reports/deliveries/run', { token });
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(1);
    const d = first.body[0];
    expect(d.mailedTo).toEqual([]);
    expect(smtp.got).toHaveLength(0);
    expect(
      (await api(t.url, 'POST', '/api/reports/deliveries/run', { token })).body, // nothing new to deliver…
    ).toEqual([]);
    await pollUntil(async () => smtp.got.length === 1, { timeoutMs: 10_000, what: 'the retried mail' }); // …but mailed

    const m = smtp.got[0];
    const to = ['ann.owner@sales.test', requester.email.toLowerCase()];
    expect(m.to.sort()).toEqual([...to].sort());
    expect(m.user).toBe('reports');
    expect(m.from).toBe('reports@dialer.test');
    expect(m.mail.subject).toBe(`Results ready: ${title} (${c.name}) / 结果已就绪`);
    expect(m.mail.text).toContain('Contacts / 联系人: 3');
    expect(m.mail.text).toContain('Reached / 已接通: 2 (66.7%)');
    expect(m.mail.text).toContain(`SHA-256: ${d.sha256}`);
    const link = /(https?:\/\/\S+\/api\/reports\/archives\/[0-9a-f-]+\/file\?\S+)/.exec(m.mail.text ?? '')?.[1];
    expect(link).toBe(d.downloadUrl);
    expect(link!.startsWith(`${PUBLIC}/api/reports/archives/${d.archiveId}/file?expires=`)).toBe(true);
    expect(m.mail.html).toContain(`href="${d.downloadUrl.replace(/&/g, '&amp;')}"`);

    // attachments: the archived CSV (same hash as recorded) and the PDF summary in both languages
    const names = m.mail.attachments.map((a) => a.filename);
    expect(names).toEqual([expect.stringMatching(/\.csv$/), 'results-summary.en.pdf', 'results-summary.zh-CN.pdf']);
    const csv = m.mail.attachments[0].content;
    expect(sha(csv)).toBe(d.sha256);
    expect(csv.toString('utf8')).toContain('张伟');
    const zh = await pdfText(m.mail.attachments[2].content);
    expect(zh.pages[0]).toContain(`结果报告: ${title}`);

    // the in-app record of the mail; nothing is mailed twice
    const mailed = await t.db.ds.query(
      `SELECT payload, message FROM notifications WHERE kind = 'results.mailed' AND entity_id = $1`,
      [c.id],
    );
    expect(mailed).toHaveLength(1);
    expect(mailed[0].payload).toMatchObject({ archiveId: d.archiveId, sha256: d.sha256, to });
    expect((await api(t.url, 'POST', '/api/reports/deliveries/run', { token })).body).toEqual([]);
    expect(smtp.got).toHaveLength(1);

    // the link works without a token, from the server's own address; forged or expired links are 404
    const u = new URL(link!);
    const file = await fetch(`${t.url}${u.pathname}${u.search}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('x-content-sha256')).toBe(d.sha256);
    expect(sha(Buffer.from(await file.arrayBuffer()))).toBe(d.sha256);
    const forged = `${t.url}${u.pathname}?expires=${Number(u.searchParams.get('expires')) + 1}&signature=${u.searchParams.get('signature')}`;
    expect((await fetch(forged)).status).toBe(404);
    const expired = new URL(new DownloadLinks(TEST_JWT_SECRET, t.url, -60).link(d.archiveId, new Date()));
    expect((await fetch(expired.toString())).status).toBe(404);
    const fresh = new URL(new DownloadLinks(TEST_JWT_SECRET, t.url, 60).link(d.archiveId, new Date()));
    expect((await fetch(fresh.toString())).status).toBe(200);
    expect((await fetch(`${t.url}${u.pathname}?expires=1&signature=zz`)).status).toBe(400);
  });

  it('lets the department add recipients and ask for daily results while a campaign runs', async () => {
    const ds = t.db.ds;
    const path = `/api/reports/departments/${requester.departmentId}/delivery-settings`;
    const token = t.tokenFor(requester);
    expect((await api(t.url, 'GET', path, { token })).body).toMatchObject({ recipients: [], dailyWhileRunning: false });
    const bad = await api(t.url, 'PUT', path, { token, body: { recipients: ['not-an-address'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toMatchObject([expect.objectContaining({ field: 'recipients' })]);
    const outsider = await aUser(ds, 'requester', (await aDepartment(ds)).id);
    expect(
      (await api(t.url, 'PUT', path, { token: t.tokenFor(outsider), body: { dailyWhileRunning: true } })).status,
    ).toBe(404);
    const agent = await aUser(ds, 'agent', requester.departmentId);
    expect(
      (await api(t.url, 'PUT', path, { token: t.tokenFor(agent), body: { dailyWhileRunning: true } })).status,
    ).toBe(403);
    const put = await api(t.url, 'PUT', path, {
      token,
      body: { recipients: ['Results@Sales.test', 'results@sales.test', 'boss@sales.test'], dailyWhileRunning: true },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ recipients: ['results@sales.test', 'boss@sales.test'], dailyWhileRunning: true });

    // a second wave of the brief is running: its results so far are delivered once today, mailed to everyone
    const wave = await aCampaign(ds, { departmentId: requester.departmentId, state: 'running' });
    await ds.query(`UPDATE campaigns SET brief_id = $2, contact_list_id = $3 WHERE id = $1`, [
      wave.id,
      briefId,
      c.contactListId,
    ]);
    const admin2 = t.tokenFor(admin);
    const mailsBefore = smtp.got.length;
    const run = await api(t.url, 'POST', '/api/reports/deliveries/run', { token: admin2 });
    const today = new Date().toISOString().slice(0, 10);
    expect(run.body).toEqual([
      expect.objectContaining({ kind: 'results.daily', day: today, campaignId: wave.id, briefId }),
    ]);
    const daily = run.body[0];
    expect(daily.mailedTo.sort()).toEqual(
      ['ann.owner@sales.test', 'boss@sales.test', requester.email.toLowerCase(), 'results@sales.test'].sort(),
    );
    expect(smtp.got).toHaveLength(mailsBefore + 1);
    const m = smtp.got[smtp.got.length - 1];
    expect(m.mail.subject).toBe(`Results so far (${today}): ${title} (${wave.name}) / 当日结果`);
    expect(sha(m.mail.attachments[0].content)).toBe(daily.sha256);
    expect((await api(t.url, 'POST', '/api/reports/deliveries/run', { token: admin2 })).body).toEqual([]); // once a day

    // the next day (yesterday's notice stands for it) brings another; a department that has not asked gets none
    await ds.query(
      `UPDATE notifications SET payload = jsonb_set(payload, '{day}', '"2000-01-01"') WHERE kind = 'results.daily' AND entity_id = $1`,
      [wave.id],
    );
    const next = await api(t.url, 'POST', '/api/reports/deliveries/run', { token: admin2 });
    expect(next.body).toEqual([expect.objectContaining({ kind: 'results.daily', campaignId: wave.id })]);
    expect(next.body[0].archiveId).not.toBe(daily.archiveId);
    await api(t.url, 'PUT', path, { token, body: { dailyWhileRunning: false } });
    await ds.query(
      `UPDATE notifications SET payload = jsonb_set(payload, '{day}', '"2000-01-02"') WHERE kind = 'results.daily'`,
    );
    expect((await api(t.url, 'POST', '/api/reports/deliveries/run', { token: admin2 })).body).toEqual([]);
    expect((await api(t.url, 'GET', path, { token })).body).toMatchObject({
      recipients: ['results@sales.test', 'boss@sales.test'],
      dailyWhileRunning: false,
    });
  });
});
