import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AsteriskSim } from '@app/asterisk-sim';
import { ALWAYS_OPEN_WINDOWS } from '@app/briefs';
import { pollUntil } from '@app/common';
import { loadReportingConfig } from '@app/config';
import type { User } from '@app/database';
import { ASTERISK_SIM } from '@app/dialer';
import { createReportingApp } from '../../../apps/reporting/src/bootstrap';
import { agentBot } from '../../integration/dialer/agent-bot';
import { aBriefBody, aContactList, strata } from '../../integration/briefs/brief-builders';
import { aDepartment, assignDepartments, aUser } from '../../support/builders';
import { anAgent } from '../../support/campaign-builders';
import { pdfText } from '../../support/pdf-text';
import { smtpSink, type SmtpSink } from '../../support/smtp-sink';
import { api, startTestApp, TEST_JWT_SECRET, type TestApp } from '../../support/test-app';

// Port block 24300–24399 (test/support/ports.md): the reporting server's public URL goes into mails and webhooks,
// so it listens on a known port; the simulator, the SMTP server and the department's webhook receiver beside it.
const REPORTING_PORT = 24300;
const SIM_PORT = 24301;
const SMTP_PORT = 24302;
const HOOK_PORT = 24303;
const REPORTING = `http://127.0.0.1:${REPORTING_PORT}`;
const CONTACTS = 8;
const PILOT = 2;

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/**
 * The mission's loop end to end: a department's brief is accepted, piloted and run in full on the ARI simulator with
 * simulated agents; the campaign completes, and the department receives its results through every channel: the
 * in-app notice, its signed webhook (signature checked with the department's secret, download link followed), the
 * mail in a real SMTP server, and the archived file, all carrying one SHA-256.
 */
describe('results delivery, end to end', () => {
  let dialer: TestApp;
  let reporting: INestApplication;
  let sim: AsteriskSim;
  let smtp: SmtpSink;
  let hook: Server;
  let dataDir: string;
  const hooks: { headers: IncomingHttpHeaders; body: string }[] = [];
  const secret = 'e2e-department-webhook-secret';

  beforeAll(async () => {
    smtp = await smtpSink(SMTP_PORT);
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString('utf8')));
      req.on('end', () => {
        hooks.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hook.listen(HOOK_PORT, '127.0.0.1', () => r()));
    dialer = await startTestApp('dialer', {
      SIM_PORT: String(SIM_PORT),
      DIALER_TICK_MS: '100',
      DIALER_LEASE_SECONDS: '3',
      DIALER_INSTANCE_ID: 'e2e-results-delivery',
    });
    sim = dialer.app.get(ASTERISK_SIM);
    dataDir = await mkdtemp(join(tmpdir(), 'reporting-e2e-'));
    const config = loadReportingConfig({
      DATABASE_URL: dialer.db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(REPORTING_PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      EMBEDDED_PG_DIR: join(dataDir, 'postgres'), // the archive folder sits beside it
      DELIVERY_INTERVAL_SECONDS: '1',
      REPORTING_PUBLIC_URL: REPORTING,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(SMTP_PORT),
      SMTP_USER: 'reports',
      SMTP_PASSWORD: 'smtp-test-password',
      SMTP_FROM: 'Dialer reports <reports@dialer.test>',
    });
    reporting = await createReportingApp({
      config,
      databaseUrl: dialer.db.url,
      jwtSecret: TEST_JWT_SECRET,
      logger: false,
    });
    await reporting.listen(REPORTING_PORT, '127.0.0.1');
  }, 30_000);

  afterAll(async () => {
    await reporting?.close();
    await dialer?.close();
    await smtp?.close();
    await new Promise((r) => hook?.close(r));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('pilots and runs a brief on the simulator; the department gets notice, signed webhook, mail and archive', async () => {
    const started = Date.now();
    const ds = dialer.db.ds;
    const dep = await aDepartment(ds);
    await ds.query(`UPDATE departments SET webhook_url = $2, webhook_secret = $3 WHERE id = $1`, [
      dep.id,
      `http://127.0.0.1:${HOOK_PORT}/results`,
      secret,
    ]);
    const requester: User = await aUser(ds, 'requester', dep.id);
    const planner = await aUser(ds, 'planner', (await aDepartment(ds)).id);
    await assignDepartments(ds, planner, dep.id);
    const agents = [await anAgent(ds, dep.id), await anAgent(ds, dep.id)];
    const as = (u: Pick<User, 'id' | 'email' | 'role' | 'departmentId'>) => dialer.tokenFor(u);

    // every number answers by a person quickly; agents dispose alternately as a success and as not interested
    const list = await aContactList(ds, dep.id, strata([['Europe/London', 'retail', CONTACTS]]));
    const numbers: { e164: string }[] = await ds.query(
      `SELECT p.e164 FROM phone_numbers p JOIN contacts c ON c.id = p.contact_id WHERE c.list_id = $1`,
      [list.id],
    );
    for (const n of numbers) sim.setNumberBehaviour(n.e164, { outcome: 'human', ringSeconds: 0.2, talkSeconds: 0.3 });

    const brief = await api(dialer.url, 'POST', '/api/briefs', {
      token: as(requester),
      body: aBriefBody({
        title: '续约提醒 Renewal reminder',
        contactListId: list.id,
        pilotSize: PILOT,
        windows: ALWAYS_OPEN_WINDOWS,
        contactPerson: { name: 'Ann Owner', email: 'ann.owner@dept.test', phone: '+44 20 7946 0000' },
      }),
    });
    expect(brief.status).toBe(201);
    const briefId: string = brief.body.id;
    expect((await api(dialer.url, 'POST', `/api/briefs/${briefId}/submit`, { token: as(requester) })).status).toBe(200);
    expect((await api(dialer.url, 'POST', `/api/briefs/${briefId}/accept`, { token: as(planner) })).status).toBe(200);
    const created = await api(dialer.url, 'POST', `/api/briefs/${briefId}/campaign`, {
      token: as(planner),
      body: { mode: 'progressive' },
    });
    expect(created.status).toBe(201);
    const campaignId: string = created.body.id;
    const state = async (): Promise<string> =>
      (await ds.query(`SELECT state FROM campaigns WHERE id = $1`, [campaignId]))[0].state;

    // pilot: the sample is dialled by the engine and answered by the bots' agents, then the campaign waits for review
    const pilot = await api(dialer.url, 'POST', `/api/campaigns/${campaignId}/start-pilot`, {
      token: as(planner),
      body: {},
    });
    expect(pilot.body).toMatchObject({ state: 'pilot', contacts: { pilot: PILOT } });
    let n = 0;
    const decide = () => ({ code: n++ % 2 === 0 ? 'COMPLETED' : 'NOT_INTERESTED' });
    for (const a of agents) {
      const r = await api(dialer.url, 'POST', '/api/agent/session', { token: as(a.user), body: { campaignId } });
      expect(r.status).toBe(201);
    }
    const bots = agents.map((a) => agentBot(dialer.url, as(a.user), decide));
    try {
      await pollUntil(async () => (await state()) === 'pilot_review', { timeoutMs: 20_000, what: 'pilot finished' });
      const launched = await api(dialer.url, 'POST', `/api/campaigns/${campaignId}/launch`, { token: as(planner) });
      expect(launched.body).toMatchObject({ state: 'running' });
      await pollUntil(async () => (await state()) === 'completed', { timeoutMs: 30_000, what: 'campaign completed' });
    } finally {
      for (const b of bots) await b.stop();
    }
    expect(bots.flatMap((b) => b.errors)).toEqual([]);
    const [counts] = await ds.query(
      `SELECT count(*) FILTER (WHERE pilot)::int AS pilot, count(*) FILTER (WHERE NOT pilot)::int AS full,
              count(*) FILTER (WHERE disposition_code = 'COMPLETED')::int AS successes
         FROM call_attempts WHERE campaign_id = $1`,
      [campaignId],
    );
    expect(counts).toMatchObject({ pilot: PILOT, full: CONTACTS - PILOT });
    const ranMs = Date.now() - started;

    // the results as the department reads them
    const results = await api(REPORTING, 'GET', `/api/reports/briefs/${briefId}/results`, { token: as(requester) });
    expect(results.body).toMatchObject({
      contacts: CONTACTS,
      reached: CONTACTS,
      successful: counts.successes,
      pilot: { attempts: PILOT },
      fullRun: { attempts: CONTACTS - PILOT },
    });

    // 1. the signed webhook, sent by the dialer's webhook worker once the reporting job delivered
    await pollUntil(async () => hooks.some((h) => JSON.parse(h.body).event === 'results.delivered'), {
      timeoutMs: 15_000,
      what: 'the results webhook',
    });
    const delivered = hooks.find((h) => JSON.parse(h.body).event === 'results.delivered')!;
    const expectedSig = `sha256=${createHmac('sha256', secret).update(delivered.body).digest('hex')}`;
    const sig = String(delivered.headers['x-dialer-signature']);
    expect(sig.length).toBe(expectedSig.length);
    expect(timingSafeEqual(Buffer.from(sig), Buffer.from(expectedSig))).toBe(true);
    const payload = JSON.parse(delivered.body);
    expect(payload).toMatchObject({ briefId, campaignId, downloadUrl: expect.stringMatching(`^${REPORTING}/`) });
    const file = await fetch(payload.downloadUrl); // no token: the link is the credential
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(sha(bytes)).toBe(payload.sha256);
    expect(bytes.length).toBe(payload.bytes);
    expect(bytes.toString('utf8').split('\n').filter(Boolean)).toHaveLength(CONTACTS + 1); // header + one per contact

    // 2. the in-app notice in the requester's inbox
    const inbox = await api(dialer.url, 'GET', '/api/notifications', { token: as(requester) });
    expect(inbox.status).toBe(200);
    const notice = inbox.body.find((x: { kind: string }) => x.kind === 'results.delivered');
    expect(notice).toMatchObject({ entityId: campaignId });
    expect(JSON.stringify(notice)).toContain(payload.sha256);

    // 3. the mail: to the brief's contact person and the requester, with the link, the CSV and the PDFs
    await pollUntil(async () => smtp.got.length >= 1, { timeoutMs: 10_000, what: 'the results mail' });
    expect(smtp.got).toHaveLength(1);
    const mail = smtp.got[0];
    expect(mail.to.sort()).toEqual(['ann.owner@dept.test', requester.email.toLowerCase()].sort());
    expect(mail.mail.subject).toContain('续约提醒 Renewal reminder');
    expect(mail.mail.text).toContain(payload.downloadUrl);
    expect(mail.mail.text).toContain(`SHA-256: ${payload.sha256}`);
    const csv = mail.mail.attachments.find((a) => a.filename?.endsWith('.csv'))!;
    expect(sha(csv.content)).toBe(payload.sha256);
    const zh = mail.mail.attachments.find((a) => a.filename === 'results-summary.zh-CN.pdf')!;
    const zhText = await pdfText(zh.content);
    expect(zhText.pages[0]).toContain('结果报告: 续约提醒 Renewal reminder');
    expect(zhText.pages[0]).toMatch(new RegExp(`联系人 +${CONTACTS}`));

    // 4. the archive: recorded once, and the stored file has the recorded hash
    const archives = await ds.query(`SELECT id, sha256, storage_key, bytes FROM archives WHERE brief_id = $1`, [
      briefId,
    ]);
    expect(archives).toHaveLength(1);
    expect(archives[0]).toMatchObject({ id: payload.archiveId, sha256: payload.sha256 });
    const stored = await readFile(join(dataDir, 'archive', archives[0].storage_key));
    expect(sha(stored)).toBe(payload.sha256);

    console.log(
      `results delivery e2e: brief to completed campaign in ${ranMs} ms, results delivered by ${Date.now() - started} ms`,
    );
  }, 60_000);
});
