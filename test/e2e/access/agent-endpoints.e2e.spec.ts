import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AsteriskSim } from '@app/asterisk-sim';
import { Agent, User } from '@app/database';
import { ASTERISK_SIM } from '@app/dialer';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { connect, type RecordingSocket } from '../agent-gateway/socket-client';

const FRAUD = 'PJSIP/+447700900123@carrier';

describe('agents log in only on endpoints assigned to them or their department', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp('dialer', { SIM_PORT: '0', DIALER_TICK_MS: '100' });
    sim = t.app.get(ASTERISK_SIM);
    // desk phones of these tests' own naming, declared to the simulator like pjsip.conf endpoints
    sim.declareEndpoints(['PJSIP/agent-desk-1', 'PJSIP/agent-desk-2', 'PJSIP/agent-shared-desk']);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  const originatesTo = (endpoint: string) =>
    sim.requests().filter((r) => r.method === 'POST' && r.path === '/ari/channels' && r.query.endpoint === endpoint);

  /** A user of role agent with no profile yet. */
  const agentUserWithoutProfile = async (departmentId: string): Promise<User> => {
    const u = await aUser(t.db.ds, 'agent', departmentId);
    await t.db.ds.getRepository(Agent).delete({ userId: u.id });
    return u;
  };

  it('refuses an arbitrary endpoint over REST and over the /agent socket, naming it, and dials nothing', async () => {
    const dep = await aDepartment(t.db.ds);
    const user = await aUser(t.db.ds, 'agent', dep.id);
    const token = t.tokenFor(user);
    const rest = await api(t.url, 'POST', '/api/agent/session', { token, body: { endpoint: FRAUD } });
    expect(rest.status).toBe(403);
    expect(rest.body).toMatchObject({ error: 'forbidden', details: [{ field: 'endpoint' }] });
    expect(rest.body.message).toContain(FRAUD);

    const s = connect(t.url, '/agent', { token });
    sockets.push(s);
    await s.waitFor('session');
    const ack = await s.call('login', { endpoint: FRAUD });
    expect(ack).toMatchObject({ ok: false, error: 'forbidden', details: [{ field: 'endpoint' }] });
    expect(ack.message).toContain(FRAUD);

    // A supervisor acting for the agent is held to the same rule.
    const sup = await aUser(t.db.ds, 'supervisor', dep.id);
    const agent = (await t.db.ds.getRepository(Agent).findOne({ where: { userId: user.id } }))!;
    const forAgent = await api(t.url, 'POST', `/api/agent/session?agentId=${agent.id}`, {
      token: t.tokenFor(sup),
      body: { endpoint: FRAUD },
    });
    expect(forAgent.status).toBe(403);
    expect(originatesTo(FRAUD)).toEqual([]);
  });

  it('lets a supervisor create and edit a profile, and the agent log in on an endpoint it was given', async () => {
    const dep = await aDepartment(t.db.ds);
    const sup = t.tokenFor(await aUser(t.db.ds, 'supervisor', dep.id));
    const user = await agentUserWithoutProfile(dep.id);
    const token = t.tokenFor(user);
    expect((await api(t.url, 'POST', '/api/agent/session', { token, body: {} })).status).toBe(403); // no profile

    const bad = await api(t.url, 'POST', '/api/agents', {
      token: sup,
      body: { userId: user.id, endpoints: ['not an endpoint'], skills: { sales: 11, chat: 0 } },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['endpoints']);
    const badSkills = await api(t.url, 'POST', '/api/agents', {
      token: sup,
      body: { userId: user.id, skills: { sales: 11, chat: 0 } },
    });
    expect(badSkills.status).toBe(400);
    expect((badSkills.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'skills.chat',
      'skills.sales',
    ]);

    const created = await api(t.url, 'POST', '/api/agents', {
      token: sup,
      body: { userId: user.id, endpoint: 'PJSIP/agent-desk-1', skills: { sales: 7 }, groups: ['team-a'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      userId: user.id,
      departmentId: dep.id,
      endpoint: 'PJSIP/agent-desk-1',
      endpoints: [],
      skills: { sales: 7 },
      groups: ['team-a'],
      blended: false,
      displayName: user.displayName,
    });
    expect(created.body).not.toHaveProperty('sessionChannelId');
    const dup = await api(t.url, 'POST', '/api/agents', { token: sup, body: { userId: user.id } });
    expect(dup.status).toBe(409);

    const desk2 = 'PJSIP/agent-desk-2';
    expect((await api(t.url, 'POST', '/api/agent/session', { token, body: { endpoint: desk2 } })).status).toBe(403);
    const patched = await api(t.url, 'PATCH', `/api/agents/${created.body.id}`, {
      token: sup,
      body: { endpoints: [desk2], blended: true },
    });
    expect(patched.body).toMatchObject({ endpoints: [desk2], blended: true, endpoint: 'PJSIP/agent-desk-1' });
    const login = await api(t.url, 'POST', '/api/agent/session', { token, body: { endpoint: desk2 } });
    expect(login.status).toBe(201);
    expect(login.body).toMatchObject({ loggedIn: true, endpoint: desk2 });
    expect(originatesTo(desk2)).toHaveLength(1);
    expect((await api(t.url, 'DELETE', '/api/agent/session', { token })).status).toBe(200);

    // The agent reads its own profile, not a colleague's; listing is for staff.
    expect((await api(t.url, 'GET', `/api/agents/${created.body.id}`, { token })).status).toBe(200);
    const colleague = await aUser(t.db.ds, 'agent', dep.id);
    const theirs = (await t.db.ds.getRepository(Agent).findOne({ where: { userId: colleague.id } }))!;
    expect((await api(t.url, 'GET', `/api/agents/${theirs.id}`, { token })).status).toBe(404);
    expect((await api(t.url, 'GET', '/api/agents', { token })).status).toBe(403);
    const list = await api(t.url, 'GET', '/api/agents', { token: sup });
    expect((list.body as { id: string }[]).map((a) => a.id).sort()).toEqual([created.body.id, theirs.id].sort());
  });

  it("keeps other departments' agents out of reach and refuses a profile for a non-agent", async () => {
    const dep = await aDepartment(t.db.ds);
    const other = await aDepartment(t.db.ds);
    const outsider = t.tokenFor(await aUser(t.db.ds, 'supervisor', other.id));
    const user = await agentUserWithoutProfile(dep.id);
    const refused = await api(t.url, 'POST', '/api/agents', { token: outsider, body: { userId: user.id } });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toMatchObject([
      { field: 'userId', reason: 'no such user in a department you work for' },
    ]);
    const agentUser = await aUser(t.db.ds, 'agent', dep.id);
    const agent = (await t.db.ds.getRepository(Agent).findOne({ where: { userId: agentUser.id } }))!;
    expect(
      (await api(t.url, 'PATCH', `/api/agents/${agent.id}`, { token: outsider, body: { endpoints: [FRAUD] } })).status,
    ).toBe(404);
    const sup = t.tokenFor(await aUser(t.db.ds, 'supervisor', dep.id));
    const planner = await aUser(t.db.ds, 'planner', dep.id);
    const notAgent = await api(t.url, 'POST', '/api/agents', { token: sup, body: { userId: planner.id } });
    expect(notAgent.status).toBe(400);
    expect(notAgent.body.details).toMatchObject([{ field: 'userId', reason: 'the user is a planner, not an agent' }]);
  });

  it("lets agents share the department's pool, one at a time", async () => {
    const dep = await aDepartment(t.db.ds);
    const sup = t.tokenFor(await aUser(t.db.ds, 'supervisor', dep.id));
    const shared = 'PJSIP/agent-shared-desk';
    const a = t.tokenFor(await aUser(t.db.ds, 'agent', dep.id));
    const b = t.tokenFor(await aUser(t.db.ds, 'agent', dep.id));
    expect((await api(t.url, 'POST', '/api/agent/session', { token: a, body: { endpoint: shared } })).status).toBe(403);
    const pool = await api(t.url, 'PUT', `/api/departments/${dep.id}/agent-endpoints`, {
      token: sup,
      body: { endpoints: [shared] },
    });
    expect(pool.body).toEqual({ departmentId: dep.id, endpoints: [shared] });
    expect((await api(t.url, 'POST', '/api/agent/session', { token: a, body: { endpoint: shared } })).status).toBe(201);
    const busy = await api(t.url, 'POST', '/api/agent/session', { token: b, body: { endpoint: shared } });
    expect(busy.status).toBe(409);
    expect(busy.body.details).toMatchObject([
      { field: 'endpoint', reason: `${shared} is in use by another logged-in agent` },
    ]);
    expect((await api(t.url, 'DELETE', '/api/agent/session', { token: a })).status).toBe(200);
    expect((await api(t.url, 'POST', '/api/agent/session', { token: b, body: { endpoint: shared } })).status).toBe(201);
    await api(t.url, 'DELETE', '/api/agent/session', { token: b });
  });
});
