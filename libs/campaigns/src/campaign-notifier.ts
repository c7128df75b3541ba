import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@app/auth';
import { BriefsService, NotificationsService, type Forecast } from '@app/briefs';
import type { Campaign, CampaignState } from '@app/database';
import type { PilotSummary } from './pilot-summary';

const pct = (x: number | null | undefined): string => (x == null ? 'n/a' : `${Math.round(x * 1000) / 10} %`);

/**
 * Tells the department that asked for a campaign what happens to it: pilot finished, launched, paused, resumed,
 * completed, cancelled, and when the forecast says it will miss its deadline. Each notice is an in-app notification
 * and, for a department with a webhook, the same payload POSTed and signed by the briefs library's webhook worker.
 */
@Injectable()
export class CampaignNotifier {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly briefs: BriefsService,
  ) {}

  /** After a lifecycle move, in its transaction. Returns true when a webhook is due (kick the worker after commit). */
  async transitioned(
    m: EntityManager,
    actor: Principal | null,
    c: Campaign,
    from: CampaignState,
    to: CampaignState,
    details: Record<string, unknown>,
    forecast: Forecast | null,
  ): Promise<boolean> {
    const name = `Campaign "${c.name}"`;
    let due = false;
    const send = async (event: string, message: string, extra: Record<string, unknown> = {}): Promise<void> => {
      due = (await this.notifications.campaignEvent(m, c, event, message, { from, to, ...extra })) || due;
    };
    switch (to) {
      case 'pilot_review': {
        const s = (c.pilotSummary as { summary?: PilotSummary } | null)?.summary;
        await send(
          'campaign.pilot-finished',
          `${name}: pilot round ${String(details.round ?? 1)} finished (${s?.attempts ?? 0} calls, contact rate ` +
            `${pct(s?.contactRate)}); it awaits the planner's review`,
          { round: details.round ?? 1, summary: s ?? null },
        );
        break;
      }
      case 'running':
        if (from === 'pilot_review')
          await send('campaign.launched', `${name} was launched: the full list is being called`, {
            ...(details.warning ? { warning: details.warning } : {}),
            forecast: forecast ?? null,
          });
        else await send('campaign.resumed', `${name} resumed calling`);
        break;
      case 'paused':
      case 'pilot_paused':
        await send('campaign.paused', `${name} was paused${to === 'pilot_paused' ? ' during its pilot' : ''}`);
        break;
      case 'pilot':
        if (from === 'pilot_paused') await send('campaign.resumed', `${name} resumed its pilot`);
        break;
      case 'completed':
      case 'cancelled':
        await send(
          `campaign.${to}`,
          `${name} was ${to}${details.pendingLeft ? ` with ${String(details.pendingLeft)} contact(s) not called` : ''}`,
          details.pendingLeft ? { pendingLeft: details.pendingLeft } : {},
        );
        if (c.briefId) due = (await this.briefs.completeIfDone(m, actor, c.briefId, c.id)) || due;
        break;
      case 'draft':
        break;
    }
    return due;
  }

  /** The forecast says the campaign cannot finish by its deadline (`passed`: the deadline is over, contacts left). */
  async deadlineAtRisk(m: EntityManager, c: Campaign, f: Forecast, passed: boolean): Promise<boolean> {
    const message = passed
      ? `Campaign "${c.name}" missed its deadline (${f.deadline}) with ${f.contactsRemaining} contact(s) left`
      : `Campaign "${c.name}" will miss its deadline (${f.deadline}): ${f.contactsRemaining} contact(s) left, ` +
        `${f.agents} agent(s); ${f.agentsNeeded == null ? 'no callable hour is left before it' : `${f.agentsNeeded} agent(s) needed`}` +
        (f.expectedFinishAt ? `, expected to finish ${f.expectedFinishAt}` : '');
    return this.notifications.campaignEvent(
      m,
      c,
      passed ? 'campaign.deadline-missed' : 'campaign.deadline-at-risk',
      message,
      {
        deadlinePassed: passed,
        forecast: f,
      },
    );
  }

  afterCommit(): void {
    this.briefs.afterCommit();
  }
}
