import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Brief, Script, ScriptVersion, type Campaign } from '@app/database';

const suffix = (): string => randomBytes(4).toString('hex');

/** A brief row as the briefs library leaves it once converted (written straight into the table). */
export async function aBriefRow(
  ds: DataSource,
  o: { departmentId: string; createdById: string; contactListId: string | null; deadline: Date },
): Promise<Brief> {
  return ds.getRepository(Brief).save({
    departmentId: o.departmentId,
    createdById: o.createdById,
    title: `Brief ${suffix()}`,
    purpose: 'Ask customers about the renewal.',
    contactPerson: { name: 'Ann' },
    status: 'converted',
    scriptDraft: null,
    deadline: o.deadline,
    windows: {},
    retryPolicy: {},
    region: 'GB',
    defaultTimeZone: 'Europe/London',
    pilotSize: 2,
    priority: 0,
    contactListId: o.contactListId,
  } as Partial<Brief>);
}

/** A script version with the given body, made the campaign's script. */
export async function useScript(
  ds: DataSource,
  c: Campaign,
  createdById: string,
  body: Record<string, unknown>,
): Promise<ScriptVersion> {
  const script = await ds.getRepository(Script).save({
    departmentId: c.departmentId,
    briefId: null,
    name: `Script ${suffix()}`,
    latestVersion: 1,
    createdById,
  });
  const v = await ds
    .getRepository(ScriptVersion)
    .save({ scriptId: script.id, version: 1, body, fieldsUsed: [], changeNote: null, createdById });
  await ds.query(`UPDATE campaigns SET script_version_id = $2 WHERE id = $1`, [c.id, v.id]);
  return v;
}

export interface AttemptSpec {
  contactId: string;
  campaignContactId?: string;
  calledNumber: string;
  at: string;
  outcome: string;
  pilot?: boolean;
  agentId?: string | null;
  disposition?: [string, string];
  talkSeconds?: number;
  wrapSeconds?: number;
  answers?: Record<string, unknown>;
  note?: string;
  amd?: boolean;
  /** false: still in flight (no ended_at). */
  settled?: boolean;
  callerId?: string;
}

let channelSeq = 0;
/** A call attempt row as the dialer writes it once the call settles (ended_at = at + ring + talk). */
export async function anAttempt(ds: DataSource, c: Campaign, a: AttemptSpec): Promise<string> {
  const at = new Date(a.at);
  const answered = ['answered-human', 'machine', 'abandoned'].includes(a.outcome);
  const ring = 5;
  const talk = a.talkSeconds ?? (a.outcome === 'answered-human' ? 60 : 0);
  const ended = new Date(at.getTime() + (ring + talk) * 1000);
  const settled = a.settled ?? true;
  const [row]: { id: string }[] = await ds.query(
    `INSERT INTO call_attempts (campaign_id, department_id, contact_id, attempt_number, channel_id, dialer_instance, mode,
        pilot, caller_id, called_number, agent_id, queued_at, originated_at, answered_at, amd_result, amd_at, bridged_at,
        ended_at, wrap_ended_at, outcome, disposition_code, disposition_category, ring_seconds, talk_seconds,
        duration_seconds, script_answers, note, created_at, campaign_contact_id)
     VALUES ($1, $2, $3, 1, $4, 'test', $5, $6, $7, $8, $9, $10, $10, $11, $12, $11, $13, $14, $15, $16, $17, $18, $19,
        $20, $21, $22, $23, $10, $24) RETURNING id`,
    [
      c.id,
      c.departmentId,
      a.contactId,
      `test-${process.pid}-${++channelSeq}-${suffix()}`,
      c.mode,
      a.pilot ?? false,
      a.callerId ?? c.callerId,
      a.calledNumber,
      a.agentId ?? null,
      at,
      answered ? new Date(at.getTime() + ring * 1000) : null,
      a.amd ? 'MACHINE' : null,
      a.outcome === 'answered-human' ? new Date(at.getTime() + ring * 1000) : null,
      settled ? ended : null,
      settled && a.wrapSeconds !== undefined ? new Date(ended.getTime() + a.wrapSeconds * 1000) : null,
      settled ? a.outcome : null,
      a.disposition?.[0] ?? null,
      a.disposition?.[1] ?? null,
      ring,
      a.outcome === 'answered-human' ? talk : null,
      ring + talk,
      a.answers ?? null,
      a.note ?? null,
      a.campaignContactId ?? null,
    ],
  );
  return row.id;
}
