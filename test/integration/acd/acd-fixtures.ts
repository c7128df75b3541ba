import type { DataSource } from 'typeorm';
import { pollUntil } from '@app/common';
import { aUser } from '../../support/builders';
import { anAgent } from '../../support/campaign-builders';
import { api, type TestApp } from '../../support/test-app';

let seq = 0;
/** A unique DID per test (the simulator and the dids table are shared by the file). */
export const aDid = (): string => `7${String(Date.now() % 1e6).padStart(6, '0')}${String(seq++).padStart(3, '0')}`;

export interface AcdWorld {
  depId: string;
  sup: string;
  queue(body: Record<string, unknown>): Promise<{ id: string; did: string }>;
  agent(skills?: Record<string, number>): Promise<{ id: string; token: string }>;
  join(queueId: string, agentId: string, penalty?: number): Promise<void>;
  login(token: string): Promise<{ bridgeId: string }>;
  /** An admin sets the department's allowed external destinations. */
  allow(prefixes: string[]): Promise<void>;
  /** Waits until the agent is ready (e.g. after a wrap-up). */
  ready(token: string): Promise<void>;
}

/** A department with a supervisor who configures queues and DIDs through the API. */
export async function anAcdWorld(t: TestApp, departmentId: string): Promise<AcdWorld> {
  const ds: DataSource = t.db.ds;
  const supUser = await aUser(ds, 'supervisor', departmentId);
  const sup = t.tokenFor(supUser);
  let admin: string | undefined;
  return {
    depId: departmentId,
    sup,
    async queue(body) {
      const did = aDid();
      const r = await api(t.url, 'POST', '/api/queues', {
        token: sup,
        body: { name: `q-${did}`, strategy: 'longest-idle', wrapUpSeconds: 1, maxWaitSeconds: 300, ...body },
      });
      if (r.status !== 201) throw new Error(`queue: ${r.status} ${JSON.stringify(r.body)}`);
      const d = await api(t.url, 'POST', '/api/dids', { token: sup, body: { number: did, queueId: r.body.id } });
      if (d.status !== 201) throw new Error(`did: ${d.status} ${JSON.stringify(d.body)}`);
      return { id: r.body.id as string, did };
    },
    async agent(skills = {}) {
      const a = await anAgent(ds, departmentId, { skills });
      return { id: a.agent.id, token: t.tokenFor(a.user) };
    },
    async join(queueId, agentId, penalty = 0) {
      const r = await api(t.url, 'PUT', `/api/queues/${queueId}/members`, { token: sup, body: { agentId, penalty } });
      if (r.status !== 200) throw new Error(`member: ${r.status} ${JSON.stringify(r.body)}`);
    },
    async login(token) {
      const r = await api(t.url, 'POST', '/api/agent/session', { token, body: {} });
      if (r.status !== 201) throw new Error(`login: ${r.status} ${JSON.stringify(r.body)}`);
      return { bridgeId: r.body.bridgeId as string };
    },
    async allow(prefixes) {
      admin ??= t.tokenFor(await aUser(ds, 'admin', departmentId));
      const r = await api(t.url, 'PUT', `/api/departments/${departmentId}/allowed-destinations`, {
        token: admin,
        body: { prefixes },
      });
      if (r.status !== 200) throw new Error(`allow: ${r.status} ${JSON.stringify(r.body)}`);
    },
    async ready(token) {
      await pollUntil(async () => (await api(t.url, 'GET', '/api/agent/session', { token })).body.state === 'ready', {
        what: 'agent ready',
      });
    },
  };
}

export interface InboundRow {
  id: string;
  channel_id: string;
  queue_id: string | null;
  agent_id: string | null;
  outcome: string | null;
  status: string | null;
  wait_seconds: number | null;
  overflowed_to: string | null;
  path: { step: string }[];
}

export async function inboundRow(ds: DataSource, channelId: string): Promise<InboundRow | undefined> {
  const [r] = await ds.query(`SELECT * FROM inbound_calls WHERE channel_id = $1`, [channelId]);
  return r as InboundRow | undefined;
}

export async function untilRow(
  ds: DataSource,
  channelId: string,
  ok: (r: InboundRow) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<InboundRow> {
  let last: InboundRow | undefined;
  try {
    await pollUntil(
      async () => {
        last = await inboundRow(ds, channelId);
        return !!last && ok(last);
      },
      { timeoutMs, what },
    );
  } catch (e) {
    const evs = last ? await events(ds, last.id) : [];
    throw new Error(`${(e as Error).message}; last row ${JSON.stringify(last)}; events ${evs.join(',')}`, { cause: e });
  }
  return last!;
}

export async function events(ds: DataSource, inboundCallId: string): Promise<string[]> {
  const rows: { event: string }[] = await ds.query(
    `SELECT event FROM queue_events WHERE inbound_call_id = $1 ORDER BY id`,
    [inboundCallId],
  );
  return rows.map((r) => r.event);
}
