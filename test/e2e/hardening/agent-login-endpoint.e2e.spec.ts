import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent, User } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { anAgent } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

// A phone that cannot be dialled or does not answer is about the endpoint given, not a server fault: 4xx naming
// `endpoint` (these answered 503).
describe('agent login with an endpoint that does not work', () => {
  let t: TestApp;
  let admin: User;
  let agent: Agent;

  beforeAll(async () => {
    t = await startTestApp('dialer', { SIM_PORT: '0', DIALER_RUNNER: 'false', DIALER_INSTANCE_ID: 'login-endpoint' });
    const dep = await aDepartment(t.db.ds);
    admin = await aUser(t.db.ds, 'admin', dep.id);
    agent = (await anAgent(t.db.ds, dep.id)).agent;
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['not a dial string', 'not-a-dial-string', 400],
    ['an unallocated number', 'PJSIP/other-1', 409],
  ])('%s (%s) answers %d', async (_what, endpoint, status) => {
    const res = await api(t.url, 'POST', `/api/agent/session?agentId=${agent.id}`, {
      token: t.tokenFor(admin),
      body: { endpoint },
    });
    expect(res.status).toBe(status);
    expect(res.body.details).toEqual([{ field: 'endpoint', reason: expect.any(String) }]);
    const session = await api(t.url, 'GET', `/api/agent/session?agentId=${agent.id}`, { token: t.tokenFor(admin) });
    expect(session.body).toMatchObject({ loggedIn: false });
  });
});
