import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { computeForecast, type CallingWindows, type Forecast, type RetryPolicy } from '@app/briefs';
import { Brief, Campaign } from '@app/database';
import type { PilotSummary } from './pilot-summary';

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
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

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
    const [{ n }]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1 AND status IN ('pending', 'leased', 'dialing')`,
      [c.id],
    );
    const agents = o.agents ?? (await this.staffing(c, m));
    const summary = (c.pilotSummary as { summary?: PilotSummary } | null)?.summary;
    const f = computeForecast({
      now: o.now ?? new Date(),
      deadline,
      contactsRemaining: n,
      windows: c.windows as unknown as CallingWindows,
      retryPolicy: c.retryPolicy as unknown as RetryPolicy,
      agents,
      contactRate: summary?.contactRate,
      averageHandleSeconds: summary?.averageHandleSeconds,
    });
    if (o.agents === undefined) {
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

  /** Agents of the campaign's group (any department), else the campaign department's agents. */
  private async staffing(c: Campaign, m: EntityManager): Promise<number> {
    const [{ n }]: { n: number }[] = c.agentGroup
      ? await m.query('SELECT count(*)::int AS n FROM agents WHERE $1 = ANY(groups)', [c.agentGroup])
      : await m.query('SELECT count(*)::int AS n FROM agents WHERE department_id = $1', [c.departmentId]);
    return n;
  }
}
