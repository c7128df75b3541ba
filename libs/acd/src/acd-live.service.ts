import type { DataSource } from 'typeorm';
import { canSeeDepartment, type Principal } from '@app/auth';
import { notFound } from '@app/common';
import type { AgentSessionService } from '@app/dialer';
import { Queue } from '@app/database';
import type { AcdService } from './acd.service';
import { queueFigures, type QueueFigures } from './queue-figures';

export interface QueueLiveView {
  queueId: string;
  name: string;
  departmentId: string;
  waitingNow: number;
  longestWaitNowSeconds: number;
  waiting: ReturnType<AcdService['waitingNow']>;
  today: QueueFigures;
  last15Minutes: QueueFigures;
  /** Member agents by state: ready, talking (incl. inbound), wrap-up, paused, offline. */
  agents: Record<string, number>;
}

/** The wallboard's queue figures: the live line from memory, the service levels from queue_events. */
export class AcdLiveService {
  constructor(
    private readonly ds: DataSource,
    private readonly acd: AcdService,
    private readonly sessions: AgentSessionService,
  ) {}

  /** The live view of a queue the caller may see (another department's answers not-found). */
  async viewFor(p: Principal, queueId: string): Promise<QueueLiveView> {
    const q = await this.ds.getRepository(Queue).findOne({ where: { id: queueId } });
    if (!q || !canSeeDepartment(p, q.departmentId)) throw notFound('queue', queueId);
    return this.view(q);
  }

  async view(q: Queue): Promise<QueueLiveView> {
    const now = new Date();
    const midnight = new Date(now);
    midnight.setUTCHours(0, 0, 0, 0);
    const waiting = this.acd.waitingNow(q.id);
    const agents: Record<string, number> = { ready: 0, reserved: 0, talking: 0, 'wrap-up': 0, paused: 0, offline: 0 };
    for (const m of this.acd.router.members(q.id)) {
      const st = this.sessions.stateOf(m.agentId);
      if (!st) agents.offline++;
      else if (st.state === 'paused' && st.reason === 'inbound') agents.talking++;
      else if (st.state === 'paused' && st.reason === 'inbound-wrap-up') agents['wrap-up']++;
      else agents[st.state] = (agents[st.state] ?? 0) + 1;
    }
    return {
      queueId: q.id,
      name: q.name,
      departmentId: q.departmentId,
      waitingNow: waiting.length,
      longestWaitNowSeconds: waiting.reduce((m, w) => Math.max(m, w.waitingSeconds), 0),
      waiting,
      today: await queueFigures(this.ds, q.id, q.serviceLevelSeconds, midnight, new Date(now.getTime() + 1)),
      last15Minutes: await queueFigures(
        this.ds,
        q.id,
        q.serviceLevelSeconds,
        new Date(now.getTime() - 15 * 60_000),
        new Date(now.getTime() + 1),
      ),
      agents,
    };
  }
}
