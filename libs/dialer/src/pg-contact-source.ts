import {
  isWithinWindow,
  type CallingRules,
  type ContactLease,
  type ContactSource,
  type NextStep,
  type PastAttempt,
  type RetryPolicy,
} from '@app/dialer-core';
import type { DataSource } from 'typeorm';

/** A claimed contact as the PostgreSQL source hands it out: the engine's lease plus what the attempt row needs. */
export interface PgLease extends ContactLease {
  /** campaign_contacts.id */
  campaignContactId: string;
  phoneNumberId: string;
  pilot: boolean;
  /** Set when this is a callback promised by one agent: only that agent may take it. */
  ownerAgentId: string | null;
  /** 1 for the first dial of this contact in this campaign. */
  attemptNumber: number;
}

/** What the source needs to know of its campaign; a getter, so state changes (pilot → running) apply at once. */
export interface SourceCampaign {
  id: string;
  departmentId: string;
  /** pilot: only pilot rows are callable. */
  pilotOnly: boolean;
  rules: CallingRules;
  ringTimeoutSeconds: number;
  policy: RetryPolicy;
}

const ZONES_TTL_MS = 30_000;

interface ClaimedRow {
  id: string;
  contact_id: string;
  time_zone: string;
  pilot: boolean;
  owner_agent_id: string | null;
  attempts: number;
  phone_id: string;
  e164: string;
}

/**
 * The next callable contacts of one campaign, claimed in PostgreSQL under a lease (FOR UPDATE SKIP LOCKED), so two
 * dialer processes never dial the same contact. The calling window is computed here, per distinct time zone of the
 * campaign (DST-correct, ring timeout + margin included), and the callable zones go to SQL; do-not-call entries
 * (global, department, campaign, unexpired) and the per-number / per-contact caps are checked in the claim query
 * itself, against the number about to be dialed, so an entry added mid-campaign applies to the very next claim.
 */
export class PgContactSource implements ContactSource {
  /** Live leases by contact id (one per contact at a time). */
  readonly leased = new Map<string, PgLease>();
  private zones: { at: number; list: string[] } | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly campaign: () => SourceCampaign,
    readonly owner: string,
    private readonly leaseSeconds: number,
  ) {}

  /** Zones of the campaign's pending contacts that are inside their calling window at `now`. */
  async callableZones(now: number): Promise<string[]> {
    if (!this.zones || Date.now() - this.zones.at > ZONES_TTL_MS) {
      const rows: { time_zone: string }[] = await this.ds.query(
        `SELECT DISTINCT time_zone FROM campaign_contacts WHERE campaign_id = $1 AND status = 'pending'`,
        [this.campaign().id],
      );
      this.zones = { at: Date.now(), list: rows.map((r) => r.time_zone) };
    }
    const c = this.campaign();
    return this.zones.list.filter((z) => {
      try {
        return isWithinWindow(c.rules, z, now, c.ringTimeoutSeconds);
      } catch {
        return false; // an unknown zone is never callable
      }
    });
  }

  claim(n: number, now: number): Promise<PgLease[]> {
    return this.claimWhere(n, now, null, false);
  }

  /**
   * One contact for one agent: a due callback that agent promised first, then (preview mode, `anyContact`) the next
   * callable contact of the campaign.
   */
  async claimFor(agentId: string, now: number, anyContact: boolean): Promise<PgLease | undefined> {
    const [lease] = await this.claimWhere(1, now, agentId, anyContact);
    return lease;
  }

  private async claimWhere(n: number, now: number, agentId: string | null, anyContact: boolean): Promise<PgLease[]> {
    if (n <= 0) return [];
    const zones = await this.callableZones(now);
    if (zones.length === 0) return [];
    // Due callbacks first (a handful of rows, found through ix_callbacks_due), then the queue in the order of
    // ix_campaign_contacts_next, which PostgreSQL walks and leaves as soon as it has n rows: the hot query reads what
    // it returns (and what it skips), not every pending contact of the campaign.
    const rows = await this.claimRows('callbacks', n, now, zones, agentId, anyContact);
    if (rows.length < n && (agentId === null || anyContact))
      rows.push(...(await this.claimRows('queue', n - rows.length, now, zones, agentId, anyContact)));
    if (rows.length === 0) return [];
    const history = await this.histories(rows.map((r) => r.contact_id));
    const leases = rows.map((r): PgLease => {
      const h = history.get(r.contact_id);
      return {
        leaseId: String(r.id),
        contactId: r.contact_id,
        phone: r.e164,
        timeZone: r.time_zone,
        history: { numbers: h?.numbers ?? [r.e164], attempts: h?.attempts ?? [] },
        campaignContactId: String(r.id),
        phoneNumberId: r.phone_id,
        pilot: r.pilot,
        ownerAgentId: r.owner_agent_id,
        attemptNumber: Number(r.attempts) + 1,
      };
    });
    for (const l of leases) this.leased.set(l.contactId, l);
    return leases;
  }

  /** The claim statement; `phase` picks due callbacks or the ordinary queue. Exposed for the query-plan test. */
  claimSql(phase: 'callbacks' | 'queue', forAgent = false): string {
    // An agent's own promises are also recognised by the owner column (no index needed: one agent, a few rows).
    const owned = forAgent ? 'cc.owner_agent_id = $11 OR ' : '';
    const pick =
      phase === 'callbacks'
        ? `AND (${owned}cc.id IN (SELECT cb.campaign_contact_id FROM callbacks cb
                         WHERE cb.campaign_id = $1 AND cb.status = 'pending' AND cb.due_at <= $2
                           AND (cb.agent_id IS NULL OR cb.agent_id = $11)))
           ORDER BY cc.owner_agent_id IS NOT NULL DESC, cc.next_attempt_at, cc.id`
        : `ORDER BY cc.priority DESC, cc.next_attempt_at, cc.id`;
    return `WITH cand AS (
         SELECT cc.id, pn.id AS phone_id, pn.e164
         FROM campaign_contacts cc
         JOIN contacts ct ON ct.id = cc.contact_id
         CROSS JOIN LATERAL (
           SELECT p.id, p.e164 FROM phone_numbers p
           WHERE p.contact_id = cc.contact_id AND p.status = 'active' AND p.attempt_count < $6
             AND NOT EXISTS (
               SELECT 1 FROM dnc_entries d
               WHERE d.e164 = p.e164 AND (d.expires_at IS NULL OR d.expires_at > $2)
                 AND (d.scope = 'global' OR (d.scope = 'department' AND d.department_id = $7)
                      OR (d.scope = 'campaign' AND d.campaign_id = $1)))
           ORDER BY p.position LIMIT 1) pn
         WHERE cc.campaign_id = $1 AND cc.status = 'pending' AND cc.next_attempt_at <= $2
           AND cc.time_zone = ANY($3::text[]) AND (NOT $4 OR cc.pilot) AND cc.attempts < $5 AND NOT ct.dnc
           AND (CASE WHEN $11::uuid IS NULL THEN cc.owner_agent_id IS NULL
                     ELSE cc.owner_agent_id = $11 OR ($12 AND cc.owner_agent_id IS NULL) END)
         ${pick}
         LIMIT $8
         FOR UPDATE OF cc SKIP LOCKED)
       UPDATE campaign_contacts c
          SET status = 'leased', lease_owner = $9, lease_expires_at = now() + make_interval(secs => $10), updated_at = now()
         FROM cand WHERE c.id = cand.id
       RETURNING c.id, c.contact_id, c.time_zone, c.pilot, c.owner_agent_id, c.attempts, cand.phone_id, cand.e164`;
  }

  /** The parameters of `claimSql`, in order. */
  claimParams(n: number, now: number, zones: string[], agentId: string | null, anyContact: boolean): unknown[] {
    const c = this.campaign();
    return [
      c.id,
      new Date(now),
      zones,
      c.pilotOnly,
      c.policy.maxAttemptsPerContact,
      c.policy.maxAttemptsPerNumber,
      c.departmentId,
      n,
      this.owner,
      this.leaseSeconds,
      agentId,
      anyContact,
    ];
  }

  private async claimRows(
    phase: 'callbacks' | 'queue',
    n: number,
    now: number,
    zones: string[],
    agentId: string | null,
    anyContact: boolean,
  ): Promise<ClaimedRow[]> {
    return updated<ClaimedRow>(
      await this.ds.query(this.claimSql(phase, agentId !== null), this.claimParams(n, now, zones, agentId, anyContact)),
    );
  }

  private async histories(contactIds: string[]): Promise<Map<string, { numbers: string[]; attempts: PastAttempt[] }>> {
    const out = new Map<string, { numbers: string[]; attempts: PastAttempt[] }>();
    const numbers: { contact_id: string; e164: string }[] = await this.ds.query(
      `SELECT contact_id, e164 FROM phone_numbers WHERE contact_id = ANY($1::uuid[]) AND status = 'active' ORDER BY position`,
      [contactIds],
    );
    for (const r of numbers) {
      const h = out.get(r.contact_id) ?? { numbers: [], attempts: [] };
      h.numbers.push(r.e164);
      out.set(r.contact_id, h);
    }
    const attempts: {
      contact_id: string;
      called_number: string;
      queued_at: Date;
      outcome: string;
      disposition_category: string | null;
    }[] = await this.ds.query(
      `SELECT contact_id, called_number, queued_at, outcome, disposition_category FROM call_attempts
        WHERE campaign_id = $1 AND contact_id = ANY($2::uuid[]) AND ended_at IS NOT NULL AND outcome IS NOT NULL
        ORDER BY queued_at`,
      [this.campaign().id, contactIds],
    );
    for (const a of attempts) {
      const h = out.get(a.contact_id) ?? { numbers: [], attempts: [] };
      h.attempts.push({
        phone: a.called_number,
        at: new Date(a.queued_at).getTime(),
        result: pastResult(a.outcome),
        ...(a.disposition_category ? { category: a.disposition_category as PastAttempt['category'] } : {}),
      });
      out.set(a.contact_id, h);
    }
    return out;
  }

  /** The attempt sink has written the outcome in its transaction; here the lease is only forgotten. */
  settle(lease: ContactLease, _step: NextStep, _now: number): void {
    if (this.leased.get(lease.contactId) === lease) this.leased.delete(lease.contactId);
  }

  /** Gives a claimed contact back without dialing it (a skipped preview), callable again at `nextAttemptAt`. */
  async release(lease: PgLease, nextAttemptAt: Date, note?: string): Promise<void> {
    this.leased.delete(lease.contactId);
    await this.ds.query(
      `UPDATE campaign_contacts SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL,
              next_attempt_at = $3, last_disposition = COALESCE($4, last_disposition), updated_at = now()
        WHERE id = $1 AND lease_owner = $2 AND status = 'leased'`,
      [lease.campaignContactId, this.owner, nextAttemptAt, note ?? null],
    );
  }

  /** Keeps this owner's leases alive while their calls last (talk and wrap-up can outlast a lease). */
  async renewLeases(): Promise<void> {
    await this.ds.query(
      `UPDATE campaign_contacts SET lease_expires_at = now() + make_interval(secs => $3)
        WHERE campaign_id = $1 AND lease_owner = $2 AND status IN ('leased', 'dialing')`,
      [this.campaign().id, this.owner, this.leaseSeconds],
    );
  }

  /**
   * Pending contacts that can never be dialed again (no active number left under its cap and off the do-not-call
   * lists, or the contact's cap reached) are closed, so the campaign can complete: `dnc` when only do-not-call
   * entries stand in the way, `exhausted` otherwise.
   */
  async retireUndialable(now: number): Promise<number> {
    const c = this.campaign();
    const dnc = `EXISTS (SELECT 1 FROM dnc_entries d WHERE d.e164 = p.e164 AND (d.expires_at IS NULL OR d.expires_at > $2)
                   AND (d.scope = 'global' OR (d.scope = 'department' AND d.department_id = $3)
                        OR (d.scope = 'campaign' AND d.campaign_id = $1)))`;
    const list = updated(
      await this.ds.query(
        `UPDATE campaign_contacts cc
          SET status = CASE WHEN EXISTS (SELECT 1 FROM phone_numbers p WHERE p.contact_id = cc.contact_id
                                            AND p.status = 'active' AND p.attempt_count < $5 AND ${dnc})
                              OR (SELECT dnc FROM contacts WHERE id = cc.contact_id)
                            THEN 'dnc' ELSE 'exhausted' END,
              updated_at = now()
        WHERE cc.campaign_id = $1 AND cc.status = 'pending'
          AND (cc.attempts >= $4 OR (SELECT dnc FROM contacts WHERE id = cc.contact_id) OR NOT EXISTS (
                SELECT 1 FROM phone_numbers p WHERE p.contact_id = cc.contact_id AND p.status = 'active'
                   AND p.attempt_count < $5 AND NOT ${dnc}))
       RETURNING cc.id`,
        [c.id, new Date(now), c.departmentId, c.policy.maxAttemptsPerContact, c.policy.maxAttemptsPerNumber],
      ),
    );
    if (list.length > 0) this.zones = undefined;
    return list.length;
  }
}

function pastResult(outcome: string): PastAttempt['result'] {
  switch (outcome) {
    case 'answered-human':
    case 'machine':
    case 'busy':
    case 'no-answer':
    case 'congestion':
    case 'failed':
    case 'abandoned':
    case 'rejected-by-rule':
      return outcome;
    default:
      return 'failed'; // rejected, invalid-number, lost
  }
}

/** Leases whose holder stopped renewing them go back to pending (any campaign). Returns how many. */
export async function sweepExpiredLeases(ds: DataSource): Promise<number> {
  const list = updated(
    await ds.query(
      `UPDATE campaign_contacts SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
      WHERE status IN ('leased', 'dialing') AND lease_expires_at < now()
        AND NOT EXISTS (SELECT 1 FROM call_attempts a WHERE a.campaign_contact_id = campaign_contacts.id AND a.ended_at IS NULL)
      RETURNING id`,
    ),
  );
  return list.length;
}

/** TypeORM answers UPDATE/DELETE ... RETURNING with `[rows, count]` and SELECT with `rows`. */
export function updated<T>(res: unknown): T[] {
  if (Array.isArray(res) && res.length === 2 && Array.isArray(res[0]) && typeof res[1] === 'number')
    return res[0] as T[];
  return res as T[];
}
