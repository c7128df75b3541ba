import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AsteriskSim, SimRequestLogEntry } from '@app/asterisk-sim';
import { ALWAYS_OPEN_WINDOWS } from '@app/briefs';
import { Agent, Campaign, ContactList, type CampaignMode, type CampaignState, type User } from '@app/database';
import { aUser } from './builders';

const suffix = (): string => randomBytes(4).toString('hex');

/** Calling windows open around the clock, every day (tests that are not about windows). */
export const ALWAYS_OPEN = { ...ALWAYS_OPEN_WINDOWS, safetyMarginSeconds: 0 };

/** Immediate retries, generous caps. */
export const FAST_RETRY = {
  busy: { retryAfterMinutes: 0, maxRetries: 3 },
  noAnswer: { retryAfterMinutes: 0, maxRetries: 3 },
  machine: { retryAfterMinutes: 0, maxRetries: 2 },
  failed: { retryAfterMinutes: 0, maxRetries: 3 },
  abandoned: { retryAfterMinutes: 0, maxRetries: 2 },
  maxAttemptsPerContact: 6,
  maxAttemptsPerNumber: 6,
};

export interface CampaignSpec {
  departmentId: string;
  mode?: CampaignMode;
  state?: CampaignState;
  amdEnabled?: boolean;
  machineAction?: 'hangup' | 'message';
  pacing?: Record<string, unknown>;
  windows?: Record<string, unknown>;
  retryPolicy?: Record<string, unknown>;
  wrapUpSeconds?: number;
  previewAutoDialSeconds?: number | null;
  agentGroup?: string | null;
  requiredSkills?: Record<string, number>;
  abandonMessage?: string | null;
  callerId?: string | null;
}

/** A campaign row as the campaigns library would leave it, with the dispositions agents may use. */
export async function aCampaign(ds: DataSource, spec: CampaignSpec): Promise<Campaign> {
  const c = await ds.getRepository(Campaign).save({
    departmentId: spec.departmentId,
    briefId: null,
    contactListId: null,
    name: `Campaign ${suffix()}`,
    mode: spec.mode ?? 'progressive',
    state: spec.state ?? 'draft',
    scriptVersionId: null,
    agentGroup: spec.agentGroup ?? null,
    requiredSkills: spec.requiredSkills ?? {},
    callerId: spec.callerId === undefined ? '+442071230000' : spec.callerId,
    pacing: {
      abandonCapPercent: 3,
      abandonWindowHours: 24,
      maxLinesPerAgent: 3,
      ringTimeoutSeconds: 10,
      ...spec.pacing,
    },
    amdEnabled: spec.amdEnabled ?? false,
    machineAction: spec.machineAction ?? 'hangup',
    machineMessage: null,
    abandonMessage: spec.abandonMessage === undefined ? 'sound:dialer-abandon' : spec.abandonMessage,
    windows: spec.windows ?? ALWAYS_OPEN,
    retryPolicy: spec.retryPolicy ?? FAST_RETRY,
    wrapUpSeconds: spec.wrapUpSeconds ?? 30,
    previewAutoDialSeconds: spec.previewAutoDialSeconds ?? null,
    pilotSize: null,
    pilotSummary: null,
    forecast: null,
    priority: 0,
    deadline: null,
  } as Partial<Campaign>);
  const dispositions = [
    ['SALE', 'success'],
    ['NOT_INTERESTED', 'contact'],
    ['NOT_AVAILABLE', 'no-contact'],
    ['CALL_LATER', 'callback'],
    ['DO_NOT_CALL', 'do-not-call'],
  ];
  for (const [i, [code, category]] of dispositions.entries()) {
    await ds.query(
      `INSERT INTO dispositions (campaign_id, code, label, category, system, position) VALUES ($1, $2, $2, $3, false, $4)`,
      [c.id, code, category, i],
    );
  }
  return c;
}

export interface ContactSpec {
  timeZone?: string;
  /** E.164 numbers; default one fresh number. */
  numbers?: string[];
  pilot?: boolean;
  priority?: number;
  firstName?: string;
}

let seq = 0;
// NXX-555-xxxx numbers: valid for libphonenumber (the contacts importer accepts them), unlike +1 555 ...
const AREAS = ['212', '310', '415', '312', '617', '202', '305', '713', '206', '404'];
/** A fresh E.164 number nobody else uses in this run (10,000 per process; the area code varies by process). */
export function aNumber(): string {
  seq++;
  return `+1${AREAS[process.pid % AREAS.length]}555${String(seq % 10_000).padStart(4, '0')}`;
}

/** Contacts on the campaign's list, each with its campaign_contacts row (pending, due now). */
export async function someContacts(
  ds: DataSource,
  c: Campaign,
  specs: ContactSpec[],
): Promise<{ contactId: string; campaignContactId: string; numbers: string[] }[]> {
  let listId = c.contactListId;
  if (!listId) {
    const list = await ds.getRepository(ContactList).save({
      departmentId: c.departmentId,
      briefId: null,
      name: `List ${suffix()}`,
      status: 'ready',
    } as Partial<ContactList>);
    listId = list.id;
    await ds.query(`UPDATE campaigns SET contact_list_id = $2 WHERE id = $1`, [c.id, listId]);
    c.contactListId = listId;
  }
  const out: { contactId: string; campaignContactId: string; numbers: string[] }[] = [];
  for (const [i, s] of specs.entries()) {
    const numbers = s.numbers ?? [aNumber()];
    const tz = s.timeZone ?? 'UTC';
    const [ct]: { id: string }[] = await ds.query(
      `INSERT INTO contacts (list_id, department_id, first_name, last_name, time_zone, fields, dedupe_key, source_row)
       VALUES ($1, $2, $3, 'Tester', $4, $5, $6, $7) RETURNING id`,
      [listId, c.departmentId, s.firstName ?? `Contact${i}`, tz, { plan: 'gold' }, `${numbers[0]}-${suffix()}`, i + 1],
    );
    for (const [pos, e164] of numbers.entries()) {
      await ds.query(
        `INSERT INTO phone_numbers (contact_id, e164, kind, position, status) VALUES ($1, $2, 'mobile', $3, 'active')`,
        [ct.id, e164, pos],
      );
    }
    const [cc]: { id: string }[] = await ds.query(
      `INSERT INTO campaign_contacts (campaign_id, contact_id, status, pilot, priority, time_zone, next_attempt_at)
       VALUES ($1, $2, 'pending', $3, $4, $5, '2020-01-01T00:00:00Z') RETURNING id`,
      [c.id, ct.id, s.pilot ?? false, s.priority ?? 0, tz],
    );
    out.push({ contactId: ct.id, campaignContactId: String(cc.id), numbers });
  }
  return out;
}

/** An agent user (and profile) whose endpoint the simulator answers at once. */
export async function anAgent(
  ds: DataSource,
  departmentId: string,
  o: { groups?: string[]; skills?: Record<string, number> } = {},
): Promise<{ user: User; agent: Agent }> {
  const user = await aUser(ds, 'agent', departmentId);
  const agent = (await ds.getRepository(Agent).findOne({ where: { userId: user.id } }))!;
  await ds.getRepository(Agent).update(agent.id, { groups: o.groups ?? [], skills: o.skills ?? {} });
  return { user, agent: { ...agent, groups: o.groups ?? [], skills: o.skills ?? {} } };
}

export const setState = (ds: DataSource, c: Campaign, state: CampaignState): Promise<unknown> =>
  ds.query(`UPDATE campaigns SET state = $2, updated_at = now() WHERE id = $1`, [c.id, state]);

/** Originate requests for customer numbers (not agent phones) in the simulator's log. */
export function customerOriginates(sim: AsteriskSim): SimRequestLogEntry[] {
  return sim
    .requests()
    .filter(
      (r) => r.method === 'POST' && r.path === '/ari/channels' && !String(r.query.endpoint ?? '').includes('agent-'),
    );
}

export function addChannelRequests(sim: AsteriskSim): SimRequestLogEntry[] {
  return sim.requests().filter((r) => r.method === 'POST' && /^\/ari\/bridges\/[^/]+\/addChannel$/.test(r.path));
}

/** Digits of an E.164 number: the simulator's per-number key in `PJSIP/{number}@carrier`. */
export const simKey = (e164: string): string => e164;
