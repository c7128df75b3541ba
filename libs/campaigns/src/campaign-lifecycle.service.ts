import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@app/auth';
import { invalid } from '@app/common';
import { AuditService, Campaign, type CampaignState } from '@app/database';
import { CampaignForecastService } from './campaign-forecast.service';
import { FINAL_DISPOSITION_CATEGORIES } from './campaign-settings';
import { assertCampaignTransition } from './campaign-transitions';
import { actorOf, CampaignsService, type CampaignView } from './campaigns.service';
import { summarisePilot, type PilotAttemptRow, type PilotSummary } from './pilot-summary';
import { stratifiedSample, type SampleCandidate, type StratumAllocation } from './stratified-sample';

/** Stored in campaigns.pilot_summary: how the pilot was picked, and (from pilot_review on) what it showed. */
export interface PilotRecord {
  selection: { seed: number; size: number; selected: number; strata: StratumAllocation[]; selectedAt: string } | null;
  summary: PilotSummary | null;
}

export interface TransitionOptions {
  /** Seed of the pilot sample when moving to `pilot`; default derived from the campaign id. */
  seed?: number;
}

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
  ) {}

  /** Moves a campaign to `to`. `actor` null means the system (the engine), which sees every department. */
  transition(actor: Principal | null, id: string, to: CampaignState, o: TransitionOptions = {}): Promise<CampaignView> {
    return this.ds.transaction(async (m) => {
      const c = await this.campaigns.findVisible(actor, id, m, true);
      const from = c.state;
      assertCampaignTransition(from, to);
      const details: Record<string, unknown> = { from, to };
      const now = new Date();
      if (to === 'pilot') details.pilot = await this.selectPilot(m, c, o.seed ?? seedOf(c.id));
      if (to === 'pilot_review') {
        const summary = await this.computePilotSummary(m, c);
        c.pilotSummary = { ...this.pilotRecord(c), summary } as never;
        details.pilotSummary = { contactRate: summary.contactRate, attempts: summary.attempts };
      }
      if (from === 'pilot_review' && to === 'running') details.launch = await this.releasePilot(m, c);
      if (to === 'running' && !c.startedAt) c.startedAt = now;
      if (to === 'completed' || to === 'cancelled') {
        c.completedAt = now;
        c.leaseOwner = null;
        c.leaseExpiresAt = null;
      }
      c.state = to;
      await m.save(c);
      await this.audit.record(
        actorOf(actor),
        { action: `campaign.${to}`, entityType: 'campaign', entityId: c.id, departmentId: c.departmentId, details },
        m,
      );
      await this.forecasts.compute(c, {}, m);
      return this.campaigns.view(c, m);
    });
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
    const rec = this.pilotRecord(c);
    if (c.state === 'pilot' || (c.state !== 'draft' && rec.selection && !rec.summary)) {
      rec.summary = await this.computePilotSummary(this.ds.manager, c);
      await this.ds.getRepository(Campaign).update(c.id, { pilotSummary: rec as never });
    }
    return { state: c.state, ...rec };
  }

  private pilotRecord(c: Campaign): PilotRecord {
    const r = (c.pilotSummary ?? {}) as Partial<PilotRecord>;
    return { selection: r.selection ?? null, summary: r.summary ?? null };
  }

  private async selectPilot(m: EntityManager, c: Campaign, seed: number): Promise<PilotRecord['selection']> {
    if (!c.pilotSize)
      throw invalid([{ field: 'pilotSize', reason: 'set a pilot size (PATCH) before starting the pilot' }]);
    const candidates: SampleCandidate[] = await m.query(
      `SELECT cc.id::text AS id, cc.time_zone AS "timeZone", ct.segment
         FROM campaign_contacts cc JOIN contacts ct ON ct.id = cc.contact_id
        WHERE cc.campaign_id = $1 AND cc.status = 'pending'`,
      [c.id],
    );
    if (candidates.length === 0)
      throw invalid([{ field: 'pilotSize', reason: 'the campaign has no callable contacts to pilot' }]);
    const s = stratifiedSample(candidates, c.pilotSize, seed);
    await m.query(
      `UPDATE campaign_contacts SET pilot = (id = ANY($2::bigint[])) WHERE campaign_id = $1 AND (pilot OR id = ANY($2::bigint[]))`,
      [c.id, s.ids],
    );
    const selection = {
      seed,
      size: c.pilotSize,
      selected: s.ids.length,
      strata: s.strata,
      selectedAt: new Date().toISOString(),
    };
    c.pilotSummary = { selection, summary: null } as never;
    return selection;
  }

  private async computePilotSummary(m: EntityManager, c: Campaign): Promise<PilotSummary> {
    const rows: PilotAttemptRow[] = await m.query(
      `SELECT contact_id AS "contactId", outcome, disposition_code AS "dispositionCode",
              disposition_category AS "dispositionCategory", talk_seconds AS "talkSeconds",
              CASE WHEN wrap_ended_at IS NOT NULL AND ended_at IS NOT NULL
                   THEN extract(epoch FROM wrap_ended_at - ended_at)::int END AS "wrapSeconds",
              script_answers AS "scriptAnswers"
         FROM call_attempts WHERE campaign_id = $1 AND pilot ORDER BY created_at`,
      [c.id],
    );
    const [{ n }]: { n: number }[] = await m.query(
      'SELECT count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1 AND pilot',
      [c.id],
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
