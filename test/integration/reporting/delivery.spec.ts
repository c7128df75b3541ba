import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createServer, type Server } from 'node:http';
import { signWebhookBody, WEBHOOK_SIGNATURE_HEADER, WebhookWorker } from '@app/briefs';
import type { Campaign, User } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { aCampaign, someContacts } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aBriefRow, anAttempt } from './reporting-builders';

describe('reporting: results delivered to the department and archived', () => {
  let t: TestApp;
  let hook: Server;
  let hookUrl: string;
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  let requester: User;
  let admin: User;
  let c: Campaign;
  const secret = 'department-webhook-secret';

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', () => r()));
    hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/hook`;
    t = await startTestApp('reporting');
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    await ds.query(`UPDATE departments SET webhook_url = $2, webhook_secret = $3 WHERE id = $1`, [
      dep.id,
      hookUrl,
      secret,
    ]);
    requester = await aUser(ds, 'requester', dep.id);
    admin = await aUser(ds, 'admin', dep.id);
    c = await aCampaign(ds, { departmentId: dep.id, state: 'running' });
    const [k1, k2] = await someContacts(ds, c, [{ firstName: 'Ann' }, { firstName: 'Bob' }]);
    const brief = await aBriefRow(ds, {
      departmentId: dep.id,
      createdById: requester.id,
      contactListId: c.contactListId,
      deadline: new Date('2030-01-01T00:00:00Z'),
    });
    await ds.query(`UPDATE campaigns SET brief_id = $2 WHERE id = $1`, [c.id, brief.id]);
    await anAttempt(ds, c, {
      contactId: k1.contactId,
      calledNumber: k1.numbers[0],
      at: '2026-05-01T10:00:00Z',
      outcome: 'answered-human',
      disposition: ['SALE', 'success'],
    });
    await anAttempt(ds, c, {
      contactId: k2.contactId,
      calledNumber: k2.numbers[0],
      at: '2026-05-01T10:05:00Z',
      outcome: 'busy',
    });
  });

  afterAll(async () => {
    await t?.close();
    await new Promise((r) => hook?.close(r));
  });

  it('delivers nothing while the campaign runs, then once when it completes: archive, notice, signed webhook', async () => {
    const token = t.tokenFor(admin);
    expect((await api(t.url, 'POST', '/api/reports/deliveries/run', { token })).body).toEqual([]);
    await t.db.ds.query(`UPDATE campaigns SET state = 'completed', completed_at = now() WHERE id = $1`, [c.id]);
    const run = await api(t.url, 'POST', '/api/reports/deliveries/run', { token });
    expect(run.status).toBe(200);
    expect(run.body).toHaveLength(1);
    const d = run.body[0];
    expect(d).toMatchObject({ campaignId: c.id, downloadPath: `/api/reports/archives/${d.archiveId}/download` });
    // once only
    expect((await api(t.url, 'POST', '/api/reports/deliveries/run', { token })).body).toEqual([]);

    // the department's requester downloads exactly the archived bytes
    const res = await fetch(t.url + d.downloadPath, { headers: { authorization: `Bearer ${t.tokenFor(requester)}` } });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(d.sha256);
    expect(res.headers.get('x-content-sha256')).toBe(d.sha256);
    expect(bytes.length).toBe(d.bytes);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain(',Ann,');
    expect(text).toContain(',successful,');
    const [archive] = await t.db.ds.query(`SELECT kind, sha256, brief_id FROM archives WHERE id = $1`, [d.archiveId]);
    expect(archive).toEqual({ kind: 'brief-results', sha256: d.sha256, brief_id: d.briefId });

    // the in-app notice, and its webhook signed with the department's secret (sent by the briefs library's worker)
    const [notice] = await t.db.ds.query(
      `SELECT kind, payload, webhook_status FROM notifications WHERE entity_id = $1 AND kind = 'results.delivered'`,
      [c.id],
    );
    expect(notice).toMatchObject({
      webhook_status: 'pending',
      payload: { sha256: d.sha256, downloadPath: d.downloadPath },
    });
    expect(await new WebhookWorker(t.db.ds).runOnce()).toBe(1);
    expect(received).toHaveLength(1);
    const sent = JSON.parse(received[0].body);
    expect(sent).toMatchObject({
      event: 'results.delivered',
      campaignId: c.id,
      sha256: d.sha256,
      downloadPath: d.downloadPath,
    });
    expect(received[0].headers[WEBHOOK_SIGNATURE_HEADER]).toBe(signWebhookBody(secret, received[0].body));

    // a file changed behind the archive's back is not served whole; a missing one answers 503 before any byte
    const [{ storage_key: key }] = await t.db.ds.query(`SELECT storage_key FROM archives WHERE id = $1`, [d.archiveId]);
    const file = resolve('.data/archive', key);
    await writeFile(file, Buffer.alloc(bytes.length, 'x'));
    const forged = await fetch(t.url + d.downloadPath, {
      headers: { authorization: `Bearer ${t.tokenFor(requester)}` },
    });
    expect(forged.status).toBe(200); // the headers left before the last byte was hashed…
    await expect(forged.arrayBuffer()).rejects.toThrow(); // …so the body is cut short
    await rm(file);
    const gone = await api(t.url, 'GET', d.downloadPath, { token: t.tokenFor(requester) });
    expect(gone.status).toBe(503);
    expect(gone.body).toMatchObject({ error: 'unavailable' });

    // another department cannot download it; only admins run the job
    const outsider = await aUser(t.db.ds, 'requester', (await aDepartment(t.db.ds)).id);
    expect((await api(t.url, 'GET', d.downloadPath, { token: t.tokenFor(outsider) })).status).toBe(404);
    expect((await api(t.url, 'POST', '/api/reports/deliveries/run', { token: t.tokenFor(requester) })).status).toBe(
      403,
    );
  });
});
