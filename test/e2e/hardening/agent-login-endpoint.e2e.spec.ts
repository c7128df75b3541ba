import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Agent, type User } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { anAgent } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

// A phone that cannot be dialled or is not there is about the endpoint given: 400 for a dial string Asterisk refuses,
// 503 "endpoint not reachable or not registered" for a phone it does not have; both name `endpoint`.
describe('agent login with an endpoint that does not work', () => {
  let t: TestApp;
  let admin: User;
  let agent: Agent;

  beforeAll(async () => {
    t = await startTestApp('dialer', { SIM_PORT: '0', DIALER_RUNNER: 'false', DIALER_INSTANCE_ID: 'login-endpoint' });
    const dep = await aDepartment(t.db.ds);
    admin = await aUser(t.db.ds, 'admin', dep.id);
    agent = (await anAgent(t.db.ds, dep.id)).agent;
    // assigned to the agent, so the login gets past the assignment check to the phone itself
    await t.db.ds
      .getRepository(Agent)
      .update(agent.id, { endpoints: [...agent.endpoints, 'not-a-dial-string', 'PJSIP/other-1'] });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    // the simulator, like Asterisk for a technology it has no such endpoint of, answers 500 Allocation failed
    ['not a dial string', 'not-a-dial-string', 503],
    // Asterisk's 500 "Allocation failed": not a server fault of ours, but the phone's; 503 naming the endpoint
    ['a phone Asterisk does not have', 'PJSIP/other-1', 503],
  ])('%s (%s) answers %d', async (_what, endpoint, status) => {
    const res = await api(t.url, 'POST', `/api/agent/session?agentId=${agent.id}`, {
      token: t.tokenFor(admin),
      body: { endpoint },
    });
    expect(res.status).toBe(status);
    expect(res.body.details).toMatchObject([{ field: 'endpoint', reason: expect.any(String) }]);
    const session = await api(t.url, 'GET', `/api/agent/session?agentId=${agent.id}`, { token: t.tokenFor(admin) });
    expect(session.body).toMatchObject({ loggedIn: false });
  });
});
