import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DialingStatus } from '@app/dialer-core';
import { AgentSessionEvents, AgentSessionService, CampaignLiveService } from '@app/dialer';
import { agentRoom } from './agent-gateway.events';

/** How often a ready, idle agent is told why no call comes (and the most a status is reused for). */
export const AGENT_HOLD_INTERVAL_MS = 5000;

/** What an idle agent's screen receives: the campaign's dialing status. */
export type CampaignStatusDto = DialingStatus & { campaignId: string };

interface Room {
  emit(event: 'campaign-status', payload: CampaignStatusDto): boolean;
}
interface AgentServer {
  to(room: string): Room;
  adapter: { rooms: Map<string, Set<string>> };
}

/**
 * Tells an agent who is ready with no call why nothing comes: on becoming ready, then every few seconds while idle,
 * the `/agent` socket gets `campaign-status` (dialing or not, the reasons, until when). Statuses are shared by the
 * agents of a campaign and recomputed at most every AGENT_HOLD_INTERVAL_MS.
 */
@Injectable()
export class AgentHoldPusher {
  private readonly log = new Logger('agent-gateway');
  private server: AgentServer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private off: (() => void) | undefined;
  private busy = false;

  constructor(
    @Inject(AgentSessionService) private readonly sessions: AgentSessionService,
    @Inject(AgentSessionEvents) private readonly events: AgentSessionEvents,
    @Inject(CampaignLiveService) private readonly live: CampaignLiveService,
  ) {}

  attach(server: unknown): void {
    this.server = server as AgentServer;
    this.off = this.events.on('state', (p) => {
      if (p.state === 'ready') void this.push(p.agentId);
    });
    this.timer = setInterval(() => void this.pushAll(), AGENT_HOLD_INTERVAL_MS);
    this.timer.unref();
  }

  detach(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.off?.();
  }

  private async pushAll(): Promise<void> {
    if (!this.server || this.busy) return;
    this.busy = true;
    try {
      const rooms = [...this.server.adapter.rooms.keys()].filter((r) => r.startsWith('agent:'));
      for (const r of rooms) await this.push(r.slice('agent:'.length));
    } finally {
      this.busy = false;
    }
  }

  /** Sends the status when the agent is ready with no call and no offer. */
  async push(agentId: string): Promise<void> {
    try {
      const v = await this.sessions.view(agentId);
      if (!v.loggedIn || v.state !== 'ready' || v.call || v.offer || !v.campaignId) return;
      const status = await this.live.dialingStatus(v.campaignId, AGENT_HOLD_INTERVAL_MS);
      if (status) this.server?.to(agentRoom(agentId)).emit('campaign-status', { campaignId: v.campaignId, ...status });
    } catch (e) {
      this.log.warn(`campaign status for agent ${agentId}: ${(e as Error).message}`);
    }
  }
}
