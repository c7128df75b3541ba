import { connect as netConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { AsteriskSim } from '@app/asterisk-sim';
import { pollUntil } from '@app/common';
import { ASTERISK_SIM } from '@app/dialer';
import { aDepartment, aUser } from '../../support/builders';
import { customerOriginates } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aRunningCampaign, anAgent, someContacts } from '../agent-gateway/fixtures';
import { connect, type RecordingSocket } from '../agent-gateway/socket-client';

jest.setTimeout(90_000);

/**
 * Sends raw bytes over a socket (so the request can be cut anywhere) and returns the status line, or 'closed' when
 * the server closed without answering. `end` false keeps the socket open; `destroyAfter` drops it after sending.
 */
function rawRequest(
  url: string,
  head: string,
  body: Buffer,
  o: { halfClose?: boolean; destroy?: boolean } = {},
): Promise<{ status: number | 'closed'; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = netConnect(Number(port), hostname);
    let text = '';
    s.on('data', (d) => (text += d.toString()));
    s.on('error', () => undefined);
    s.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : 'closed', text });
    });
    s.write(head.replace(/\n/g, '\r\n') + '\r\n');
    s.write(body, () => {
      if (o.destroy) s.destroy();
      else if (o.halfClose) s.end();
    });
  });
}

describe('import: broken request streams never stop the server', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  let token: string;
  let agentSocket: RecordingSocket | undefined;
  let campaignId: string;

  const newList = async (): Promise<string> =>
    (await api(t.url, 'POST', '/api/contact-lists', { token, body: { name: 'L', region: 'GB' } })).body.id as string;
  const head = (listId: string, type: string, length: number, extra = ''): string =>
    `POST /api/contact-lists/${listId}/import HTTP/1.1\nhost: x\nauthorization: Bearer ${token}\n` +
    `content-type: ${type}\ncontent-length: ${length}\n${extra}`;

  beforeAll(async () => {
    t = await startTestApp('dialer', {
      SIM_PORT: '0',
      DIALER_TICK_MS: '100',
      DIALER_LEASE_SECONDS: '3',
      DIALER_INSTANCE_ID: 'import-stream-errors-e2e',
    });
    sim = t.app.get(ASTERISK_SIM);
    const dep = await aDepartment(t.db.ds);
    const planner = await aUser(t.db.ds, 'planner', dep.id);
    token = t.tokenFor(planner);
    // A live campaign: every customer number is busy, so it keeps dialing (retries) while an agent stays ready.
    const { campaign } = await aRunningCampaign(t.db.ds, dep.id, planner.id);
    campaignId = campaign.id;
    await t.db.ds.query(`UPDATE campaigns SET retry_policy = $2 WHERE id = $1`, [
      campaign.id,
      { busy: { retryAfterMinutes: 0, maxRetries: 1000 }, maxAttemptsPerContact: 1000, maxAttemptsPerNumber: 1000 },
    ]);
    const people = await someContacts(t.db.ds, campaign, 5);
    for (const p of people) sim.setNumberBehaviour(p.number, { outcome: 'busy', ringSeconds: 0.1 });
    const { user, agent } = await anAgent(t.db.ds, dep.id);
    agentSocket = connect(t.url, '/agent', { token: t.tokenFor(user) });
    await agentSocket.waitFor('session');
    const login = await agentSocket.call('login', {
      endpoint: agent.endpoint, // its own assigned endpoint
      campaignId: campaign.id,
    });
    expect(login).toMatchObject({ ok: true });
    expect(await agentSocket.call('ready')).toMatchObject({ ok: true });
    await pollUntil(() => customerOriginates(sim).length >= 2 || undefined, { what: 'the campaign dialing' });
  });
  afterAll(async () => {
    agentSocket?.close();
    await t?.close();
  });

  const stillServing = async (): Promise<void> => {
    expect((await api(t.url, 'GET', '/health')).status).toBe(200);
    const before = customerOriginates(sim).length;
    await pollUntil(() => customerOriginates(sim).length > before || undefined, {
      what: `campaign ${campaignId} still dialing`,
      timeoutMs: 15_000,
    });
  };

  it('answers a multipart body that ends before its closing boundary with 400', async () => {
    const id = await newList();
    const body = Buffer.from(
      `--XB\r\ncontent-disposition: form-data; name="file"; filename="a.csv"\r\ncontent-type: text/csv\r\n\r\n` +
        `phone\n07400 100001\n07400 100002\n`,
    );
    const r = await rawRequest(t.url, head(id, 'multipart/form-data; boundary=XB', body.length), body);
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/"field":"file"/);
    await stillServing();
  });

  it('answers a multipart body cut inside the part headers with 400', async () => {
    const id = await newList();
    const body = Buffer.from(`--XB\r\ncontent-disposition: form-data; name="fi`);
    const r = await rawRequest(t.url, head(id, 'multipart/form-data; boundary=XB', body.length), body);
    expect(r.status).toBe(400);
    await stillServing();
  });

  it('survives clients that go away mid-upload (raw and multipart) and ends those imports as failed', async () => {
    const raw = await newList();
    const rows = Buffer.from(`phone\n${Array.from({ length: 500 }, (_, i) => `07400 ${100000 + i}`).join('\n')}\n`);
    await rawRequest(t.url, head(raw, 'text/csv', rows.length * 10), rows, { destroy: true });
    const multi = await newList();
    const part = Buffer.concat([
      Buffer.from(`--XB\r\ncontent-disposition: form-data; name="file"; filename="a.csv"\r\n\r\n`),
      rows,
    ]);
    await rawRequest(t.url, head(multi, 'multipart/form-data; boundary=XB', part.length * 10), part, {
      destroy: true,
    });
    const sent = Date.now();
    for (const id of [raw, multi]) {
      // The import itself ends as failed, at once, and says how far it read; the list is released. On a loaded
      // machine the client can be gone before the route even starts the import: then none is recorded at all.
      const settled = await pollUntil(
        async () => {
          const [i] = (await api(t.url, 'GET', `/api/contact-lists/${id}/imports`, { token })).body;
          if (i) return i.status !== 'importing' ? { imp: i } : undefined;
          const l = (await api(t.url, 'GET', `/api/contact-lists/${id}`, { token })).body;
          return l.status === 'ready' && Date.now() - sent > 3000 ? { imp: undefined } : undefined;
        },
        { what: 'the aborted import to end', timeoutMs: 15_000 },
      );
      if (settled.imp) {
        expect(settled.imp).toMatchObject({ status: 'failed', summary: { status: 'failed', error: { kept: 0 } } });
        expect(settled.imp.summary.error.message).toMatch(/aborted by the client|ended before its closing boundary/);
      }
      const l = (await api(t.url, 'GET', `/api/contact-lists/${id}`, { token })).body;
      expect(l).toMatchObject({ status: 'ready', acceptedCount: 0 });
    }
    await stillServing();
  });

  it('answers a bad gzip body with 400 (JSON and CSV)', async () => {
    const id = await newList();
    const junk = Buffer.from('this is not gzip at all');
    const j = await rawRequest(t.url, head(id, 'application/json', junk.length, 'content-encoding: gzip\n'), junk);
    expect(j.status).toBe(400);
    const c = await rawRequest(t.url, head(id, 'text/csv', junk.length, 'content-encoding: gzip\n'), junk);
    expect([400, 415]).toContain(c.status);
    await stillServing();
  });

  it('answers malformed JSON and a truncated JSON body with 400', async () => {
    const id = await newList();
    const bad = Buffer.from('{"rows": [');
    expect((await rawRequest(t.url, head(id, 'application/json', bad.length), bad)).status).toBe(400);
    await rawRequest(t.url, head(id, 'application/json', 1000), bad, { destroy: true });
    await stillServing();
  });
});
