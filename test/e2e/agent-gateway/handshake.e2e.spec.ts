import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { io, type Socket } from 'socket.io-client';
import { pollUntil } from '@app/common';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aRunningCampaign, anAgent } from './fixtures';
import { connect, type RecordingSocket } from './socket-client';

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_INSTANCE_ID: 'handshake-e2e' };

/** Emits before the connection is even open: socket.io buffers it and sends it right after the handshake. */
function emitAtOnce(socket: Socket, event: string, payload: unknown): Promise<any> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 10_000);
    socket.emit(event, payload, (ack: unknown) => {
      clearTimeout(timer);
      resolve(ack);
    });
  });
}

describe('socket handshake authentication', () => {
  let t: TestApp;
  const sockets: RecordingSocket[] = [];
  const raw: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const s of raw) s.close();
    await t?.close();
  });

  it('answers a login emitted at once on connect, every time (20 rounds)', async () => {
    const dep = await aDepartment(t.db.ds);
    const { user } = await anAgent(t.db.ds, dep.id);
    const token = t.tokenFor(user);
    const acks: unknown[] = [];
    for (let i = 0; i < 20; i++) {
      const socket = io(`${t.url}/agent`, {
        auth: { token },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      raw.push(socket);
      const login = await emitAtOnce(socket, 'login', {});
      acks.push(login);
      if (login.ok) expect(await emitAtOnce(socket, 'logout', {})).toMatchObject({ ok: true });
      socket.close();
    }
    expect(acks.filter((a) => !(a as { ok: boolean }).ok)).toEqual([]);
  });

  it('answers a wallboard subscribe emitted at once on connect', async () => {
    const dep = await aDepartment(t.db.ds);
    const planner = await aUser(t.db.ds, 'planner', dep.id);
    const { campaign } = await aRunningCampaign(t.db.ds, dep.id, planner.id);
    const sup = t.tokenFor(await aUser(t.db.ds, 'supervisor', dep.id));
    for (let i = 0; i < 5; i++) {
      const socket = io(`${t.url}/wallboard`, {
        auth: { token: sup },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      raw.push(socket);
      expect(await emitAtOnce(socket, 'subscribe', { campaignId: campaign.id })).toMatchObject({ ok: true });
      socket.close();
    }
  });

  it('accepts the token as an Authorization: Bearer header', async () => {
    const dep = await aDepartment(t.db.ds);
    const { user, agent } = await anAgent(t.db.ds, dep.id);
    const socket = io(`${t.url}/agent`, {
      extraHeaders: { authorization: `Bearer ${t.tokenFor(user)}` },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    raw.push(socket);
    const session = await new Promise<any>((resolve) => socket.once('session', resolve));
    expect(session).toMatchObject({ agentId: agent.id, loggedIn: false });
  });

  it('refuses with a connect_error carrying the stable error id and never emits a session', async () => {
    const s = connect(t.url, '/agent', { token: 'not.a.token' });
    sockets.push(s);
    const err = await s.waitFor('connect_error');
    expect(err).toMatchObject({ error: 'unauthenticated' });
    expect(err.message).toMatch(/^the access token is not valid/);
    expect(s.of('session')).toEqual([]);
    expect(s.socket.connected).toBe(false);
  });

  it("disconnects an agent's live socket and ends the shift when an admin deactivates the agent", async () => {
    const dep = await aDepartment(t.db.ds);
    const { user, agent } = await anAgent(t.db.ds, dep.id);
    const token = t.tokenFor(user);
    const s = connect(t.url, '/agent', { token });
    sockets.push(s);
    await s.waitFor('session');
    expect(await s.call('login', {})).toMatchObject({ ok: true, session: { loggedIn: true } });
    const admin = t.tokenFor(await aUser(t.db.ds, 'admin', dep.id));
    expect((await api(t.url, 'PATCH', `/api/users/${user.id}`, { token: admin, body: { active: false } })).status).toBe(
      200,
    );
    expect(await s.waitFor('error')).toEqual({ error: 'unauthenticated', message: 'access revoked: deactivated' });
    await s.waitFor('disconnect');
    const again = connect(t.url, '/agent', { token });
    sockets.push(again);
    expect(await again.waitFor('connect_error')).toMatchObject({ error: 'unauthenticated' });
    await pollUntil(
      async () => {
        const v = await api(t.url, 'GET', `/api/agent/session?agentId=${agent.id}`, { token: admin });
        return v.body.loggedIn === false ? v : undefined;
      },
      { what: 'the telephony session to end' },
    );
  });
});
