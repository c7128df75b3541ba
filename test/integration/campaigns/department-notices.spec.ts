import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signWebhookBody, WebhookWorker } from '@app/briefs';
import { CampaignWatch } from '@app/campaigns';
import { pollUntil } from '@app/common';
import { Department, Notification, type User } from '@app/database';
import { aDepartment, assignDepartments, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aBriefBody, aContactList, strata } from '../briefs/brief-builders';

/**
 * The department that asked for a campaign hears about it through its in-app notices and its signed webhook:
 * the launch, that the forecast says it will miss its deadline (once), and that the deadline has passed (once).
 */
describe('department notices of a campaign', () => {
  let t: TestApp;
  let server: Server;
  const received: { body: string; signature: string }[] = [];
  const secret = 'the-department-webhook-secret';
  let requester: User;
  let planner: User;
  beforeAll(async () => {
    t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ body, signature: req.headers['x-dialer-signature'] as string });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    t.app.get(WebhookWorker).configure({ pollIntervalMs: 20, baseDelayMs: 100 });
    const dep = await aDepartment(t.db.ds);
    await t.db.ds.getRepository(Department).update(dep.id, { webhookUrl: `${base}/hook`, webhookSecret: secret });
    requester = await aUser(t.db.ds, 'requester', dep.id);
    planner = await aUser(t.db.ds, 'planner', (await aDepartment(t.db.ds)).id);
    await assignDepartments(t.db.ds, planner, dep.id);
  });
  afterAll(async () => {
    await t.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('launch, deadline at risk and deadline missed reach the inbox and the webhook, each once', async () => {
    const ds = t.db.ds;
    // 40 contacts and no agent in the department: the forecast cannot finish
    const list = await aContactList(ds, requester.departmentId, strata([['Europe/London', 'retail', 40]]));
    const b = await api(t.url, 'POST', '/api/briefs', {
      token: t.tokenFor(requester),
      body: aBriefBody({ contactListId: list.id, pilotSize: 2 }),
    });
    await api(t.url, 'POST', `/api/briefs/${b.body.id}/submit`, { token: t.tokenFor(requester) });
    await api(t.url, 'POST', `/api/briefs/${b.body.id}/accept`, { token: t.tokenFor(planner) });
    const c = (
      await api(t.url, 'POST', `/api/briefs/${b.body.id}/campaign`, {
        token: t.tokenFor(planner),
        body: { mode: 'progressive', name: 'Winter renewals' },
      })
    ).body;
    await api(t.url, 'POST', `/api/campaigns/${c.id}/start-pilot`, { token: t.tokenFor(planner), body: {} });
    await api(t.url, 'POST', `/api/campaigns/${c.id}/review-pilot`, { token: t.tokenFor(planner) });
    const launched = await api(t.url, 'POST', `/api/campaigns/${c.id}/launch`, {
      token: t.tokenFor(planner),
      body: { force: true },
    });
    expect(launched.status).toBe(200);

    // the watch refreshes forecasts: the risk is not told twice; a passed deadline is told once
    const watch = t.app.get(CampaignWatch);
    await watch.runOnce();
    await ds.query(`UPDATE campaigns SET deadline = now() - interval '1 hour' WHERE id = $1`, [c.id]);
    await watch.runOnce();
    await watch.runOnce();

    const kinds = async (): Promise<string[]> =>
      (
        await ds.getRepository(Notification).find({ where: { entityId: c.id }, order: { createdAt: 'ASC', id: 'ASC' } })
      ).map((n) => n.kind);
    expect(await kinds()).toEqual([
      'campaign.deadline-at-risk',
      'campaign.pilot-finished',
      'campaign.launched',
      'campaign.deadline-missed',
    ]);
    const risk = await ds
      .getRepository(Notification)
      .findOneByOrFail({ entityId: c.id, kind: 'campaign.deadline-at-risk' });
    expect(risk.message).toMatch(
      /^Campaign "Winter renewals" will miss its deadline \(.*\): 40 contact\(s\) left, 0 agent\(s\)/,
    );

    // the webhook got the same events, signed
    // webhooks go out after their commits, in no set order: wait for the last one (a count could stop short of it)
    const campaignEvents = (): string[] =>
      received
        .map((r) => JSON.parse(r.body) as { event: string; campaignId?: string })
        .filter((e) => e.campaignId === c.id)
        .map((e) => e.event);
    await pollUntil(() => (campaignEvents().includes('campaign.deadline-missed') ? true : undefined), {
      timeoutMs: 10_000,
      what: 'webhooks',
    });
    const events = received.map((r) => JSON.parse(r.body) as { event: string; campaignId?: string });
    expect(events.filter((e) => e.campaignId === c.id).map((e) => e.event)).toEqual(
      expect.arrayContaining([
        'campaign.deadline-at-risk',
        'campaign.pilot-finished',
        'campaign.launched',
        'campaign.deadline-missed',
      ]),
    );
    for (const r of received) expect(r.signature).toBe(signWebhookBody(secret, r.body));
    const launch = events.find((e) => e.event === 'campaign.launched');
    expect(launch).toMatchObject({
      campaignId: c.id,
      campaignName: 'Winter renewals',
      briefId: b.body.id,
      state: 'running',
      from: 'pilot_review',
      to: 'running',
      warning: 'launched after an empty pilot (0 attempts)',
    });
  });
});
