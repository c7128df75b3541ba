import type { AttemptRecord, AttemptSink, NextStep } from '@app/dialer-core';
import { systemDispositionFor } from '@app/campaigns';
import type { CampaignMode } from '@app/database';
import type { DataSource, EntityManager } from 'typeorm';
import type { PgLease } from './pg-contact-source';

/** Facts the telephony side learned about a call that the engine does not carry (ARI's view, agent's notes). */
export interface CallDetail {
  dialStatus?: string;
  cause?: number;
  causeTxt?: string;
  /** us, remote, agent, system */
  hungUpBy?: string;
  /** Finer than the engine's `failed`: rejected, invalid-number. */
  outcome?: 'rejected' | 'invalid-number';
  answers?: Record<string, unknown>;
  note?: string;
}

export interface AttemptContext {
  campaignId: string;
  departmentId: string;
  mode: CampaignMode;
  callerId: string | null;
  dialerInstance: string;
}

const ts = (ms: number | undefined): Date | null => (ms == null ? null : new Date(ms));
const secs = (from: number | undefined, to: number | undefined): number | null =>
  from == null || to == null ? null : Math.max(0, Math.round((to - from) / 1000));

/**
 * call_attempts rows: inserted before the originate (so a crash leaves a trace), patched as events come, and closed
 * with the outcome in one transaction that also counts the attempt on the number and the contact and settles the
 * campaign contact (done / retry / callback / dnc / exhausted). Writes of one call run in order.
 */
export class AttemptStore {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    readonly ds: DataSource,
    readonly ctx: AttemptContext,
  ) {}

  /** Runs `fn` after the call's earlier writes; errors go to `onError` and do not break the chain. */
  private chain(callId: string, fn: () => Promise<void>): Promise<void> {
    const prev = this.chains.get(callId) ?? Promise.resolve();
    const next = prev.then(fn);
    const settled = next.catch(() => undefined);
    this.chains.set(callId, settled);
    void settled.then(() => {
      if (this.chains.get(callId) === settled) this.chains.delete(callId);
    });
    return next;
  }

  insertQueued(callId: string, lease: PgLease, queuedAt: number): Promise<void> {
    return this.chain(callId, async () => {
      await this.ds.query(
        `INSERT INTO call_attempts (campaign_id, department_id, campaign_contact_id, contact_id, phone_number_id,
            attempt_number, channel_id, dialer_instance, mode, pilot, caller_id, called_number, queued_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
        [
          this.ctx.campaignId,
          this.ctx.departmentId,
          lease.campaignContactId,
          lease.contactId,
          lease.phoneNumberId,
          lease.attemptNumber,
          callId,
          this.ctx.dialerInstance,
          this.ctx.mode,
          lease.pilot,
          this.ctx.callerId,
          lease.phone,
          new Date(queuedAt),
        ],
      );
      await this.ds.query(
        `UPDATE campaign_contacts SET status = 'dialing', updated_at = now() WHERE id = $1 AND status = 'leased'`,
        [lease.campaignContactId],
      );
    });
  }

  /** Sets the given columns (snake_case) on the call's row; existing timestamps are never overwritten. */
  patch(callId: string, cols: Record<string, unknown>): Promise<void> {
    return this.chain(callId, async () => {
      const keys = Object.keys(cols);
      if (keys.length === 0) return;
      const sets = keys.map((k, i) => (k.endsWith('_at') ? `${k} = COALESCE(${k}, $${i + 2})` : `${k} = $${i + 2}`));
      await this.ds.query(`UPDATE call_attempts SET ${sets.join(', ')} WHERE channel_id = $1`, [
        callId,
        ...keys.map((k) => cols[k]),
      ]);
    });
  }

  /** Waits for the call's pending writes (tests, shutdown). */
  async flush(callId?: string): Promise<void> {
    if (callId) await this.chains.get(callId);
    else await Promise.all([...this.chains.values()]);
  }

  close(a: AttemptRecord, lease: PgLease | undefined, detail: CallDetail | undefined, owner: string): Promise<void> {
    return this.chain(a.callId, () => this.ds.transaction((m) => this.closeIn(m, a, lease, detail, owner)));
  }

  private async closeIn(
    m: EntityManager,
    a: AttemptRecord,
    lease: PgLease | undefined,
    d: CallDetail | undefined,
    owner: string,
  ): Promise<void> {
    const at = a.at;
    const outcome = a.outcome === 'failed' && d?.outcome ? d.outcome : a.outcome;
    const endedAt = at.ended ?? Date.now();
    // Every attempt ends with a disposition: the agent's, else the system's for its outcome.
    const disposition = a.disposition ?? systemDispositionFor(outcome);
    const cols = {
      originated_at: ts(at.originated),
      ringing_at: ts(at.ringing),
      answered_at: ts(at.answered),
      bridged_at: ts(at.bridged),
      ended_at: new Date(endedAt),
      wrap_ended_at: a.disposition ? new Date() : null,
      outcome,
      amd_result: a.amd ?? null,
      dial_status: d?.dialStatus ?? null,
      hangup_cause: d?.cause ?? (a.hangupCause && /^\d+$/.test(a.hangupCause) ? Number(a.hangupCause) : null),
      hangup_cause_text: d?.causeTxt ?? (a.hangupCause && !/^\d+$/.test(a.hangupCause) ? a.hangupCause : null),
      hangup_by: d?.hungUpBy ?? null,
      agent_id: a.agentId ?? null,
      disposition_code: disposition.code,
      disposition_category: disposition.category,
      ring_seconds: secs(at.originated, at.answered ?? endedAt),
      talk_seconds: secs(at.bridged, at.bridged != null ? endedAt : undefined),
      duration_seconds: secs(at.originated ?? at.queued, endedAt),
      script_answers: d?.answers ?? null,
      note: d?.note ?? null,
    };
    const keys = Object.keys(cols) as (keyof typeof cols)[];
    // Timestamps already written by the event handlers (the first StasisStart's answer time) win.
    const sets = keys.map((k, i) =>
      k.endsWith('_at') && k !== 'ended_at' && k !== 'wrap_ended_at'
        ? `${k} = COALESCE(${k}, $${i + 2})`
        : `${k} = COALESCE($${i + 2}, ${k})`,
    );
    const res = await m.query(
      `UPDATE call_attempts SET ${sets.join(', ')} WHERE channel_id = $1 AND ended_at IS NULL`,
      [a.callId, ...keys.map((k) => cols[k])],
    );
    const count = Array.isArray(res) && typeof res[1] === 'number' ? res[1] : 0;
    if (count === 0) {
      const exists: unknown[] = await m.query(`SELECT 1 FROM call_attempts WHERE channel_id = $1`, [a.callId]);
      if (exists.length > 0) return; // already closed (by reconciliation): never settle a contact twice
      // Never originated (rejected by the calling-window backstop): the row is written now, for the record.
      await m.query(
        `INSERT INTO call_attempts (campaign_id, department_id, campaign_contact_id, contact_id, phone_number_id,
            attempt_number, channel_id, dialer_instance, mode, pilot, caller_id, called_number, queued_at, ended_at,
            outcome, disposition_code, disposition_category)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`,
        [
          this.ctx.campaignId,
          this.ctx.departmentId,
          lease?.campaignContactId ?? null,
          a.contactId,
          lease?.phoneNumberId ?? null,
          lease?.attemptNumber ?? 0,
          a.callId,
          this.ctx.dialerInstance,
          this.ctx.mode,
          lease?.pilot ?? false,
          this.ctx.callerId,
          a.phone,
          new Date(at.queued),
          new Date(endedAt),
          outcome,
          disposition.code,
          disposition.category,
        ],
      );
    }
    if (!lease) return;
    await settleContact(m, {
      lease,
      owner,
      step: a.next,
      outcome,
      counted: outcome !== 'rejected-by-rule',
      dispositionCode: disposition.code,
      departmentId: this.ctx.departmentId,
      campaignId: this.ctx.campaignId,
      attemptChannelId: a.callId,
      agentId: a.agentId ?? null,
    });
  }
}

export interface SettleCommand {
  lease: Pick<PgLease, 'campaignContactId' | 'contactId' | 'phoneNumberId' | 'phone'>;
  /** Only a lease this owner holds is settled (a late write of a dead owner never clobbers a newer one). */
  owner: string | null;
  step: NextStep;
  outcome: string;
  /** Whether the attempt counts against the caps (a dial that never left: no). */
  counted: boolean;
  dispositionCode: string | null;
  departmentId: string;
  campaignId: string;
  attemptChannelId: string;
  agentId: string | null;
}

/** One attempt's consequences, inside the caller's transaction. */
export async function settleContact(m: EntityManager, c: SettleCommand): Promise<void> {
  const { step } = c;
  if (c.counted) {
    await m.query(
      `UPDATE phone_numbers SET attempt_count = attempt_count + 1, last_attempt_at = now(), last_outcome = $2 WHERE id = $1`,
      [c.lease.phoneNumberId, c.outcome],
    );
  }
  const status =
    step.kind === 'done' ? 'done' : step.kind === 'dnc' ? 'dnc' : step.kind === 'exhausted' ? 'exhausted' : 'pending';
  const nextAt = step.kind === 'retry-at' || step.kind === 'callback-at' ? new Date(step.at) : null;
  const ownerAgent = step.kind === 'callback-at' ? (step.agentId ?? null) : null;
  await m.query(
    `UPDATE campaign_contacts
        SET status = $2, lease_owner = NULL, lease_expires_at = NULL,
            next_attempt_at = COALESCE($3, next_attempt_at), owner_agent_id = $4,
            attempts = attempts + $5,
            attempts_by_outcome = jsonb_set(attempts_by_outcome, ARRAY[$6::text],
              to_jsonb(COALESCE((attempts_by_outcome->>$6)::int, 0) + $5)),
            last_outcome = $6, last_disposition = COALESCE($7, last_disposition), last_attempt_at = now(), updated_at = now()
      WHERE id = $1 AND ($8::text IS NULL OR lease_owner = $8 OR lease_owner IS NULL)`,
    [c.lease.campaignContactId, status, nextAt, ownerAgent, c.counted ? 1 : 0, c.outcome, c.dispositionCode, c.owner],
  );
  // A kept callback is closed; a new promise gets its row.
  await m.query(
    `UPDATE callbacks SET status = 'done', updated_at = now()
      WHERE campaign_contact_id = $1 AND status = 'pending' AND due_at <= now()`,
    [c.lease.campaignContactId],
  );
  if (step.kind === 'callback-at') {
    const attempt: { id: string }[] = await m.query(`SELECT id FROM call_attempts WHERE channel_id = $1`, [
      c.attemptChannelId,
    ]);
    await m.query(
      `INSERT INTO callbacks (campaign_id, contact_id, campaign_contact_id, phone_number_id, agent_id, due_at, status,
          created_by_id, attempt_id)
       VALUES ($1,$2,$3,$4,$5,$6,'pending',NULL,$7)`,
      [
        c.campaignId,
        c.lease.contactId,
        c.lease.campaignContactId,
        c.lease.phoneNumberId,
        step.agentId ?? null,
        new Date(step.at),
        attempt[0]?.id ?? null,
      ],
    );
  }
  if (step.kind === 'dnc') {
    // The person asked not to be called: their department never calls this number again.
    await m.query(
      `INSERT INTO dnc_entries (e164, scope, department_id, campaign_id, reason, source)
       VALUES ($1, 'department', $2, NULL, 'asked during a call', 'agent')
       ON CONFLICT DO NOTHING`,
      [c.lease.phone, c.departmentId],
    );
  }
}

/** The engine's AttemptSink over AttemptStore; the lease and the telephony details come from the other ports. */
export class PgAttemptSink implements AttemptSink {
  constructor(
    private readonly store: AttemptStore,
    private readonly leaseOf: (contactId: string) => PgLease | undefined,
    private readonly detailOf: (callId: string) => CallDetail | undefined,
    private readonly owner: string,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  record(a: AttemptRecord): Promise<void> {
    // Read synchronously: the engine forgets the lease (ContactSource.settle) right after this call.
    const lease = this.leaseOf(a.contactId);
    const detail = this.detailOf(a.callId);
    return this.store.close(a, lease, detail, this.owner).catch((e: unknown) => {
      this.onError(e);
      throw e;
    });
  }
}
