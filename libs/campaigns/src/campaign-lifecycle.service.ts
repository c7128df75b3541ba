import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@app/auth';
import { AppError, invalid, type FieldProblem } from '@app/common';
import { AuditService, Campaign, type CampaignState } from '@app/database';
import { CampaignForecastService } from './campaign-forecast.service';
import { FINAL_DISPOSITION_CATEGORIES } from './campaign-settings';
import { CampaignNotifier } from './campaign-notifier';
import { assertCampaignTransition, targetOf, type CampaignAction } from './campaign-transitions';
import { actorOf, CampaignsService, type CampaignView } from './campaigns.service';
import { summarisePilot, type PilotAttemptRow, type PilotSummary } from './pilot-summary';
import { stratifiedSample, type SampleCandidate, type StratumAllocation } from './stratified-sample';

export interface PilotSelection {
  seed: number;
  size: number;
  selected: number;
  strata: StratumAllocation[];
  selectedAt: string;
}

/** One pilot round: its sample and (from its review on) what it showed. */
export interface PilotRound {
  round: number;
  selection: PilotSelection | null;
  summary: PilotSummary | null;
}

/**
 * Stored in campaigns.pilot_summary: the current round (`round`, `selection`, `summary`) and every round so far in
 * `rounds` (the current one last).
 */
export interface PilotRecord {
  round: number;
  selection: PilotSelection | null;
  summary: PilotSummary | null;
  rounds: PilotRound[];
}

export interface TransitionOptions {
  /** Seed of the pilot sample when moving to `pilot`; default derived from the campaign id and the round. */
  seed?: number;
  /** Launch although the pilot placed no calls (recorded as a warning in the response and the audit log). */
  force?: boolean;
  /** Complete although contacts are still waiting to be called. */
  confirmPending?: boolean;
}

/** A campaign after a move, with what the planner should know about it. */
export type TransitionResult = CampaignView & { warnings?: FieldProblem[] };

const FINAL_CONTACT_STATUSES = ['done', 'exhausted', 'dnc', 'excluded'];

const seedOf = (id: string): number => parseInt(id.replace(/-/g, '').slice(0, 8), 16) >>> 1;

/**
 * The campaign state machine: each move is checked against the table, runs its entry work in the same transaction
 * (pilot selection, pilot summary, releasing the pilot at launch), is audited, and refreshes the forecast.
 */
@Injectable()
export class CampaignLifecycleService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly campaigns: CampaignsService,
    private readonly forecasts: CampaignForecastService,
    private readonly notifier: CampaignNotifier,
  ) {}

  private readonly log = new Logger('campaigns');

  /**
   * Moves a campaign to `to` (a state, or a named action resolved against the current state). `actor` null means
   * the system (the engine), which sees every department. Logged once at info after the commit.
   */
  async transition(
    actor: Principal | null,
    id: string,
    to: CampaignState | CampaignAction,
    o: TransitionOptions = {},
  ): Promise<TransitionResult> {
    const moved = await this.ds.transaction(async (m) => {
      const c = await this.campaigns.findVisible(actor, id, m, true);
      const from = c.state;
      const target: CampaignState = isAction(to) ? targetOf(to, from) : to;
      assertCampaignTransition(from, target);
      const details: Record<string, unknown> = { from, to: target };
      const warnings: FieldProblem[] = [];
      const now = new Date();
      if (target === 'pilot' && from !== 'pilot_paused') {
        const round = from === 'pilot_review' ? this.pilotRecord(c).round + 1 : 1;
        if (round > 1) details.previousRound = await this.closeRound(m, c);
        details.pilot = await this.selectPilot(m, c, o.seed ?? seedOf(c.id) + round - 1, round);
        details.round = round;
      }
      if (target === 'pilot_review') {
        const rec = this.pilotRecord(c);
        const summary = await this.computePilotSummary(m, c, rec.round);
        c.pilotSummary = withCurrent(rec, { summary }) as never;
        details.round = rec.round;
        details.pilotSummary = { contactRate: summary.contactRate, attempts: summary.attempts };
      }
      if (from === 'pilot_review' && target === 'running') {
        const rec = this.pilotRecord(c);
        const attempts = rec.summary?.attempts ?? (await this.computePilotSummary(m, c, rec.round)).attempts;
        if (attempts === 0) {
          if (!o.force)
            throw new AppError(
              'conflict',
              'the pilot placed no calls (0 attempts), so there is nothing to review: run another pilot round ' +
                '(start-pilot), or launch anyway with {"force": true}',
              { field: 'force', pilotAttempts: 0, round: rec.round },
            );
          warnings.push({ field: 'force', reason: `launched after an empty pilot (round ${rec.round}: 0 attempts)` });
          details.warning = 'launched after an empty pilot (0 attempts)';
        }
        details.launch = await this.releasePilot(m, c);
      }
      if (target === 'completed') {
        const pending = await this.openContacts(m, c.id);
        if (pending > 0 && !o.confirmPending)
          throw new AppError(
            'conflict',
            `${pending} contact(s) are still waiting to be called; complete with {"confirmPending": true} to ` +
              'leave them uncalled',
            { field: 'confirmPending', pending },
          );
        if (pending > 0) details.pendingLeft = pending;
      }
      if (target === 'running' && !c.startedAt) c.startedAt = now;
      if (target === 'completed' || target === 'cancelled') {
        c.completedAt = now;
        // A dialer process holding the lease drains the live calls and gives the lease back itself; clearing it here
        // made that process believe another one had taken the campaign ("lost the lease") and stop without draining.
        if (!c.leaseExpiresAt || c.leaseExpiresAt.getTime() < now.getTime()) {
          c.leaseOwner = null;
          c.leaseExpiresAt = null;
        }
      }
      c.state = target;
      await m.save(c);
      await this.audit.record(
        actorOf(actor),
        { action: `campaign.${target}`, entityType: 'campaign', entityId: c.id, departmentId: c.departmentId, details },
        m,
      );
      const forecast = await this.forecasts.compute(c, {}, m);
      const webhook = await this.notifier.transitioned(m, actor, c, from, target, details, forecast);
      const view: TransitionResult = await this.campaigns.view(c, m);
      if (warnings.length) view.warnings = [...(view.warnings ?? []), ...warnings];
      return { view, from, target, name: c.name, webhook };
    });
    this.log.log(
      `campaign ${id} (${moved.name}): ${moved.from} → ${moved.target} by ${actor ? actor.email : 'the dialer'}`,
    );
    if (moved.webhook) this.notifier.afterCommit();
    return moved.view;
  }

  /**
   * For the engine: call after a pilot contact reaches a final status. When every pilot row is final the campaign
   * moves to pilot_review (with its summary). Returns true when it moved.
   */
  async onPilotProgress(campaignId: string): Promise<boolean> {
    const [row]: { state: string; open: number }[] = await this.ds.query(
      `SELECT c.state,
              (SELECT count(*)::int FROM campaign_contacts cc
                WHERE cc.campaign_id = c.id AND cc.pilot AND cc.status <> ALL($2)) AS open
         FROM campaigns c WHERE c.id = $1`,
      [campaignId, FINAL_CONTACT_STATUSES],
    );
    if (!row || row.state !== 'pilot' || row.open > 0) return false;
    try {
      await this.transition(null, campaignId, 'pilot_review');
      return true;
    } catch {
      return false; // another process moved it first
    }
  }

  /** The pilot selection and summary; while the pilot runs the summary is computed live (and stored). */
  async pilotSummary(p: Principal, id: string): Promise<PilotRecord & { state: CampaignState }> {
    const c = await this.campaigns.findVisible(p, id);
    let rec = this.pilotRecord(c);
    if (c.state === 'pilot' || c.state === 'pilot_paused' || (c.state !== 'draft' && rec.selection && !rec.summary)) {
      rec = withCurrent(rec, { summary: await this.computePilotSummary(this.ds.manager, c, rec.round) });
      await this.ds.getRepository(Campaign).update(c.id, { pilotSummary: rec as never });
    }
    return { state: c.state, ...rec };
  }

  /** Contacts still to be called (pending, or claimed by a dialer right now). */
  private async openContacts(m: EntityManager, campaignId: string): Promise<number> {
    const [{ n }]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1 AND status IN ('pending', 'leased', 'dialing')`,
      [campaignId],
    );
    return n;
  }

  /** The stored record, in the current shape (a record from before pilot rounds is round 1). */
  private pilotRecord(c: Campaign): PilotRecord {
    const r = (c.pilotSummary ?? {}) as Partial<PilotRecord>;
    const selection = r.selection ?? null;
    const summary = r.summary ?? null;
    const round = r.round ?? (selection ? 1 : 0);
    const rounds = r.rounds ?? (selection ? [{ round: 1, selection, summary }] : []);
    return { round, selection, summary, rounds };
  }

  /**
   * Before another round: the previous round's contacts with a final disposition are closed (as at launch) and the
   * rest return to the main pool; the round stays recorded in pilot_round.
   */
  private async closeRound(m: EntityManager, c: Campaign): Promise<{ closed: number; returned: number }> {
    const { closed } = await this.releasePilot(m, c);
    const rows: unknown = await m.query(
      `UPDATE campaign_contacts SET pilot = false WHERE campaign_id = $1 AND pilot RETURNING id`,
      [c.id],
    );
    // TypeORM answers UPDATE ... RETURNING with [rows, count]
    const returned = Array.isArray(rows) && Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : 0;
    return { closed, returned };
  }

  /** Samples round `round` from the pending contacts that were never in a pilot. */
  private async selectPilot(m: EntityManager, c: Campaign, seed: number, round: number): Promise<PilotSelection> {
    if (!c.pilotSize)
      throw invalid([{ field: 'pilotSize', reason: 'set a pilot size (PATCH) before starting the pilot' }]);
    const candidates: SampleCandidate[] = await m.query(
      `SELECT cc.id::text AS id, cc.time_zone AS "timeZone", ct.segment
         FROM campaign_contacts cc JOIN contacts ct ON ct.id = cc.contact_id
        WHERE cc.campaign_id = $1 AND cc.status = 'pending' AND cc.pilot_round IS NULL`,
      [c.id],
    );
    if (candidates.length === 0)
      throw invalid([
        {
          field: 'pilotSize',
          reason:
            round > 1
              ? 'every pending contact has already been in a pilot round; launch, or make a new campaign from the brief'
              : 'the campaign has no callable contacts to pilot',
        },
      ]);
    const s = stratifiedSample(candidates, c.pilotSize, seed);
    await m.query(
      `UPDATE campaign_contacts SET pilot = true, pilot_round = $3 WHERE campaign_id = $1 AND id = ANY($2::bigint[])`,
      [c.id, s.ids, round],
    );
    const selection: PilotSelection = {
      seed,
      size: c.pilotSize,
      selected: s.ids.length,
      strata: s.strata,
      selectedAt: new Date().toISOString(),
    };
    const rec = this.pilotRecord(c);
    c.pilotSummary = {
      round,
      selection,
      summary: null,
      rounds: [...rec.rounds.filter((r) => r.round < round), { round, selection, summary: null }],
    } satisfies PilotRecord as never;
    return selection;
  }

  /** The figures of one round: the attempts to the contacts it sampled. */
  private async computePilotSummary(m: EntityManager, c: Campaign, round: number): Promise<PilotSummary> {
    const rows: PilotAttemptRow[] = await m.query(
      `SELECT a.contact_id AS "contactId", a.outcome, a.disposition_code AS "dispositionCode",
              a.disposition_category AS "dispositionCategory", a.talk_seconds AS "talkSeconds",
              CASE WHEN a.wrap_ended_at IS NOT NULL AND a.ended_at IS NOT NULL
                   THEN extract(epoch FROM a.wrap_ended_at - a.ended_at)::int END AS "wrapSeconds",
              a.script_answers AS "scriptAnswers"
         FROM call_attempts a JOIN campaign_contacts cc ON cc.id = a.campaign_contact_id
        WHERE a.campaign_id = $1 AND a.pilot AND cc.pilot_round = $2 ORDER BY a.created_at`,
      [c.id, round],
    );
    const [{ n }]: { n: number }[] = await m.query(
      'SELECT count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1 AND pilot_round = $2',
      [c.id, round],
    );
    return summarisePilot(rows, n, c.wrapUpSeconds);
  }

  /**
   * At launch, pilot contacts whose last disposition is final (success, contact, do-not-call) are closed so the full
   * run does not call them again; the others (callback, no-contact, retryable outcomes) stay with the engine.
   */
  private async releasePilot(m: EntityManager, c: Campaign): Promise<{ closed: number; stillOpen: number }> {
    const [{ closed }]: { closed: number }[] = await m.query(
      `WITH last AS (
         SELECT DISTINCT ON (a.campaign_contact_id) a.campaign_contact_id AS cc_id, a.disposition_code,
                a.disposition_category
           FROM call_attempts a
          WHERE a.campaign_id = $1 AND a.pilot AND a.campaign_contact_id IS NOT NULL
          ORDER BY a.campaign_contact_id, a.created_at DESC),
       upd AS (UPDATE campaign_contacts cc
          SET status = CASE WHEN last.disposition_category = 'do-not-call' THEN 'dnc' ELSE 'done' END,
              last_disposition = coalesce(last.disposition_code, cc.last_disposition),
              lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
         FROM last
        WHERE cc.id = last.cc_id AND cc.campaign_id = $1 AND cc.pilot
          AND last.disposition_category = ANY($2) AND cc.status IN ('pending', 'leased')
       RETURNING cc.id)
       SELECT count(*)::int AS closed FROM upd`,
      [c.id, FINAL_DISPOSITION_CATEGORIES],
    );
    const [{ n }]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1 AND pilot AND status = 'pending'`,
      [c.id],
    );
    return { closed, stillOpen: n };
  }
}

const isAction = (v: string): v is CampaignAction =>
  ['start-pilot', 'review-pilot', 'launch', 'pause', 'resume', 'complete', 'cancel'].includes(v);

/** The record with the current round's fields replaced (in `rounds` too). */
function withCurrent(rec: PilotRecord, patch: Partial<PilotRound>): PilotRecord {
  const current = { round: rec.round, selection: rec.selection, summary: rec.summary, ...patch };
  return {
    ...current,
    rounds: [...rec.rounds.filter((r) => r.round !== rec.round), current].sort((a, b) => a.round - b.round),
  };
}
