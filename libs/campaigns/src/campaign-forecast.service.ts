import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { computeForecast, type CallingWindows, type Forecast, type RetryPolicy } from '@app/briefs';
import { Brief, Campaign, type CampaignState } from '@app/database';
import { CampaignNotifier } from './campaign-notifier';
import type { PilotSummary } from './pilot-summary';

/** A stored forecast remembers when the department was told it is at risk / missed. */
type WatchedForecast = Forecast & { atRiskNotifiedAt?: string; missedNotifiedAt?: string };

/** Campaigns that are under way: their forecast is watched against the deadline. */
const LIVE_STATES: readonly CampaignState[] = ['pilot', 'pilot_paused', 'pilot_review', 'running', 'paused'];

export interface ForecastOptions {
  /** What-if staffing; when given, the result is not stored. */
  agents?: number;
  now?: Date;
}

/**
 * Keeps campaigns.forecast (and the brief's) current. The lifecycle calls it on every state change; the engine may
 * call `refresh(campaignId)` whenever it likes (e.g. every few minutes while running).
 */
@Injectable()
export class CampaignForecastService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly notifier: CampaignNotifier,
  ) {}

  async refresh(
    campaignId: string,
    o: ForecastOptions = {},
    m: EntityManager = this.ds.manager,
  ): Promise<Forecast | null> {
    const c = await m.findOne(Campaign, { where: { id: campaignId } });
    if (!c) return null;
    return this.compute(c, o, m);
  }

  async compute(c: Campaign, o: ForecastOptions = {}, m: EntityManager = this.ds.manager): Promise<Forecast | null> {
    let deadline = c.deadline;
    if (!deadline && c.briefId) deadline = (await m.findOne(Brief, { where: { id: c.briefId } }))?.deadline ?? null;
    if (!deadline) return null;
    const zones: { timeZone: string; contacts: number }[] = await m.query(
      `SELECT time_zone AS "timeZone", count(*)::int AS contacts FROM campaign_contacts
        WHERE campaign_id = $1 AND status IN ('pending', 'leased', 'dialing')
        GROUP BY time_zone ORDER BY count(*) DESC, time_zone`,
      [c.id],
    );
    const n = zones.reduce((s, z) => s + z.contacts, 0);
    const agents = o.agents ?? (await this.staffing(c, m));
    const summary = (c.pilotSummary as { summary?: PilotSummary } | null)?.summary;
    const f = computeForecast({
      now: o.now ?? new Date(),
      deadline,
      contactsRemaining: n,
      zones,
      windows: c.windows as unknown as CallingWindows,
      retryPolicy: c.retryPolicy as unknown as RetryPolicy,
      agents,
      contactRate: summary?.contactRate,
      averageHandleSeconds: summary?.averageHandleSeconds,
    });
    if (o.agents === undefined) {
      await this.watchDeadline(m, c, c.forecast as WatchedForecast | null, f);
      await m.update(Campaign, c.id, { forecast: f as never });
      c.forecast = f as never;
      // The update moved the row's version and updatedAt: keep the caller's copy (what a write answers) equal to
      // what a GET reads next.
      const moved = await m.findOne(Campaign, {
        where: { id: c.id },
        select: { id: true, version: true, updatedAt: true },
      });
      if (moved) Object.assign(c, { version: moved.version, updatedAt: moved.updatedAt });
      if (c.briefId) await m.update(Brief, c.briefId, { forecast: f as never });
    }
    return f;
  }

  /**
   * Tells the department once when a live campaign's forecast says it will miss the deadline, and once when the
   * deadline passes with contacts left; the stored forecast remembers each notice while the condition lasts.
   */
  private async watchDeadline(m: EntityManager, c: Campaign, prev: WatchedForecast | null, f: WatchedForecast) {
    const live = LIVE_STATES.includes(c.state) && f.contactsRemaining > 0;
    const passed = Date.parse(f.computedAt) > Date.parse(f.deadline);
    if (live && passed) {
      f.missedNotifiedAt = prev?.missedNotifiedAt ?? f.computedAt;
      if (!prev?.missedNotifiedAt) await this.notifier.deadlineAtRisk(m, c, f, true);
    } else if (live && !f.canFinishByDeadline) {
      f.atRiskNotifiedAt = prev?.atRiskNotifiedAt ?? f.computedAt;
      if (!prev?.atRiskNotifiedAt) await this.notifier.deadlineAtRisk(m, c, f, false);
    }
  }

  /** Refreshes the stored forecast of every live campaign (the campaign watch calls it every few minutes). */
  async refreshLive(now = new Date()): Promise<number> {
    const rows = await this.ds.getRepository(Campaign).find({ where: { state: In([...LIVE_STATES]) } });
    for (const c of rows) await this.ds.transaction((m) => this.compute(c, { now }, m));
    return rows.length;
  }

  /** Agents of the campaign's group (any department), else the campaign department's agents. */
  private async staffing(c: Campaign, m: EntityManager): Promise<number> {
    const [{ n }]: { n: number }[] = c.agentGroup
      ? await m.query('SELECT count(*)::int AS n FROM agents WHERE $1 = ANY(groups)', [c.agentGroup])
      : await m.query('SELECT count(*)::int AS n FROM agents WHERE department_id = $1', [c.departmentId]);
    return n;
  }
}
