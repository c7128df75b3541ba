import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AsteriskSim } from '@app/asterisk-sim';
import type { Principal } from '@app/auth';
import { AppError, pollUntil } from '@app/common';
import type { DialerConfig } from '@app/config';
import {
  AgentSessionEvents,
  AgentSessionService,
  ASTERISK_SIM,
  CampaignLiveService,
  CampaignRunner,
  type AgentSessionEventMap,
} from '@app/dialer';
import { defaultPopulation, type PopulationModel } from '@app/population';
import { AcdService } from '@app/acd';
import { DEMO_INBOUND, seedDemoInbound } from './demo-inbound';
import { demoAgentEndpoint, seedDemoCampaign, type DemoSeed } from './demo-seed';

export const DEMO_CONFIG = Symbol('DEMO_CONFIG');

/** Sizes and pace of the demo. */
export const DEMO = {
  contacts: 500,
  agents: 5,
  mode: 'predictive' as const,
  /** Simulated durations are divided by this: a 90 s conversation lasts 9 s, ringing about a second. */
  timeScale: 10,
  /** The simulated agents' wrap-up, real milliseconds. */
  wrapMs: { min: 1500, max: 4000 },
  statsEveryMs: 10_000,
  relogAfterMs: 5000,
};

/**
 * The called population of the demo: the common model, but people answer far more often (45 % instead of 15 %),
 * so a newcomer sees conversations within seconds. Machines and busy lines stay, so AMD and retries show too.
 */
export function demoPopulation(): PopulationModel {
  return {
    ...defaultPopulation(),
    humanAnswer: 0.45,
    nonHuman: { noAnswer: 0.45, machine: 0.3, busy: 0.2, invalid: 0.05 },
  };
}

/** Category weights of the simulated agents' dispositions (spread evenly over the codes of each category). */
const CATEGORY_WEIGHTS: Record<string, number> = {
  success: 0.35,
  contact: 0.35,
  'no-contact': 0.1,
  callback: 0.15,
  'do-not-call': 0.05,
};

const between = (min: number, max: number): number => min + Math.random() * (max - min);

/**
 * The demo a newcomer sees on the embedded defaults: with the in-process simulator (no ARI_URL) it seeds a running
 * campaign, logs in five simulated agents through AgentSessionService (their `PJSIP/agent-190N` phones answer by
 * themselves in the simulator), and drives them: after each call, a random disposition of the campaign's set after a
 * short wrap-up, then ready again. Every 10 s it logs dials, answers, abandons and agents by state, and starts the
 * campaign over once it has completed.
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('demo');
  private seed: DemoSeed | undefined;
  private dispositions: { code: string; category: string }[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private statsTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopped = false;
  private startedAt = Date.now();
  private lastDials = 0;
  /** Resolves once the agents are logged in (or failed to). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    @Inject(DEMO_CONFIG) private readonly cfg: DialerConfig,
    @Inject(ASTERISK_SIM) private readonly sim: AsteriskSim | null,
    @Inject(AgentSessionService) private readonly sessions: AgentSessionService,
    @Inject(AgentSessionEvents) private readonly events: AgentSessionEvents,
    @Inject(CampaignRunner) private readonly runner: CampaignRunner,
    @Inject(CampaignLiveService) private readonly live: CampaignLiveService,
    @InjectDataSource() private readonly ds: DataSource,
    @Optional() @Inject(AcdService) private readonly acd?: AcdService,
  ) {}

  /** The demo campaign, once seeded (null when the demo does not run). */
  get campaignId(): string | null {
    return this.seed?.campaignId ?? null;
  }

  get departmentId(): string | null {
    return this.seed?.departmentId ?? null;
  }

  get agentIds(): string[] {
    return this.seed?.agentIds ?? [];
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.sim || this.cfg.ARI_URL) return; // a real Asterisk: nothing simulated runs
    this.sim.setPopulation(demoPopulation());
    this.sim.setTimeScale(DEMO.timeScale);
    this.seed = await seedDemoCampaign(this.ds, { contacts: DEMO.contacts, agents: DEMO.agents, mode: DEMO.mode });
    this.dispositions = await this.ds.query(
      `SELECT code, category FROM dispositions WHERE campaign_id = $1 AND NOT system ORDER BY position`,
      [this.seed.campaignId],
    );
    this.log.log(
      `demo campaign ${this.seed.campaignId} (${DEMO.mode}, ${DEMO.contacts} contacts) ${
        this.seed.created ? 'seeded' : this.seed.recycled ? 'found finished: recycled its contacts' : 'found, resumed'
      }; simulator population: 45 % of dials answered by a person, time scale ${DEMO.timeScale}×`,
    );
    if (this.acd) {
      // The inbound half: a queue on DID 1000 served by the same (blended) agents, a few simulated callers a minute.
      const q = await seedDemoInbound(this.ds, this.seed.departmentId, this.seed.agentIds);
      await this.acd.reload();
      this.sim.setInboundGenerator({
        queues: [{ number: DEMO_INBOUND.did, callsPerMinute: DEMO_INBOUND.callsPerMinute }],
      });
      this.log.log(
        `demo inbound queue ${q.queueId} on DID ${DEMO_INBOUND.did}: ${DEMO_INBOUND.callsPerMinute} simulated callers a minute, blended with the campaign`,
      );
    }
    this.startedAt = Date.now();
    this.unsubscribe = this.events.on('state', (p) => this.onState(p));
    this.statsTimer = setInterval(() => void this.logStats(), DEMO.statsEveryMs);
    this.statsTimer.unref();
    // The engine's own bootstrap (closing stale sessions, starting the runner) may run after this hook: log the
    // agents in once the runner holds the campaign, in the background.
    this.ready = this.loginAll().catch((e: unknown) => this.log.error(`demo agents: ${(e as Error).message}`));
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.statsTimer) clearInterval(this.statsTimer);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private later(ms: number, fn: () => Promise<unknown>): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.stopped) fn().catch((e: unknown) => this.log.warn((e as Error).message));
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  private async loginAll(): Promise<void> {
    const seed = this.seed!;
    await pollUntil(() => this.stopped || this.runner.handle(seed.campaignId), {
      timeoutMs: 60_000,
      intervalMs: 100,
      what: 'the runner to take the demo campaign (is DIALER_RUNNER off?)',
    });
    for (const [i, agentId] of seed.agentIds.entries()) if (!this.stopped) await this.login(agentId, i + 1);
    if (!this.stopped) this.log.log(`${seed.agentIds.length} simulated agents logged in and ready`);
  }

  private async login(agentId: string, n: number): Promise<void> {
    if (this.sessions.isLoggedIn(agentId)) return;
    await this.sessions.login(agentId, { campaignId: this.seed!.campaignId, endpoint: demoAgentEndpoint(n) });
    const v = await this.sessions.view(agentId);
    if (v.state === 'paused') await this.sessions.ready(agentId);
  }

  private onState(p: AgentSessionEventMap['state']): void {
    const n = this.agentIds.indexOf(p.agentId) + 1;
    if (n === 0 || this.stopped) return;
    if (p.state === 'wrap-up') {
      const callId = p.callId;
      this.later(between(DEMO.wrapMs.min, DEMO.wrapMs.max), () => this.dispose(p.agentId, callId));
    } else if (p.state === 'offline' && p.reason !== 'dialer shut down') {
      this.later(DEMO.relogAfterMs, () => this.login(p.agentId, n));
    } else if (p.state === 'paused' && !p.reason?.startsWith('inbound')) {
      this.later(DEMO.relogAfterMs, () => this.sessions.ready(p.agentId));
    }
  }

  /** A random disposition of the campaign's set, with answers to the script's two questions when it was a talk. */
  private async dispose(agentId: string, callId: string | null): Promise<void> {
    const v = await this.sessions.view(agentId);
    if (v.state !== 'wrap-up' || (callId && v.call?.callId !== callId)) return; // timed out or moved on already
    const d = this.pick();
    if (!d) return;
    const answers =
      d.category === 'success' || d.category === 'contact'
        ? {
            satisfaction: ['very satisfied', 'satisfied', 'neutral', 'unsatisfied'][Math.floor(Math.random() * 4)],
            recommend: Math.floor(Math.random() * 11),
          }
        : undefined;
    const callbackAt =
      d.category === 'callback' ? new Date(Date.now() + between(10, 30) * 60_000).toISOString() : undefined;
    try {
      await this.sessions.disposition(agentId, {
        code: d.code,
        ...(answers ? { answers } : {}),
        ...(callbackAt ? { callbackAt } : {}),
        note: 'simulated agent',
      });
    } catch (e) {
      // The wrap-up timer may have disposed of the call first: nothing to do then.
      if (!(e instanceof AppError && e.code === 'illegal-transition')) throw e;
    }
  }

  private pick(): { code: string; category: string } | undefined {
    const weighted = this.dispositions.map((d) => ({
      d,
      w: (CATEGORY_WEIGHTS[d.category] ?? 0) / this.dispositions.filter((x) => x.category === d.category).length,
    }));
    let u = Math.random() * weighted.reduce((s, x) => s + x.w, 0);
    for (const x of weighted) if ((u -= x.w) < 0) return x.d;
    return weighted.at(-1)?.d;
  }

  /** The list is worked through (or someone ended the campaign): start it over, so the demo never goes quiet. */
  private async recycle(state: string): Promise<void> {
    const again = await seedDemoCampaign(this.ds, { contacts: DEMO.contacts, agents: DEMO.agents, mode: DEMO.mode });
    if (again.recycled) this.log.log(`demo campaign ${again.campaignId} ${state}: its contacts are pending again`);
  }

  private async logStats(): Promise<void> {
    if (!this.seed || this.stopped) return;
    try {
      const system: Principal = {
        userId: '00000000-0000-0000-0000-000000000000',
        email: 'demo@local',
        role: 'admin',
        departmentId: this.seed.departmentId,
      };
      const v = await this.live.live(system, this.seed.campaignId);
      if (v.state === 'completed' || v.state === 'cancelled') return await this.recycle(v.state);
      const outcomes: { outcome: string; n: string }[] = await this.ds.query(
        `SELECT outcome, count(*) AS n FROM call_attempts WHERE campaign_id = $1 AND outcome IS NOT NULL GROUP BY outcome`,
        [this.seed.campaignId],
      );
      const by = Object.fromEntries(outcomes.map((o) => [o.outcome, Number(o.n)]));
      const a = v.agents.byState;
      const secs = Math.round((Date.now() - this.startedAt) / 1000);
      this.log.log(
        `t+${secs}s dials ${v.dials.total} (+${v.dials.total - this.lastDials}), answered ${v.answeredByPerson}, ` +
          `abandoned ${v.abandoned} (${(v.abandonRate.run * 100).toFixed(1)} %), machine ${by.machine ?? 0}, ` +
          `busy ${by.busy ?? 0}, no-answer ${by['no-answer'] ?? 0}, live ${v.liveCalls.length} | agents ready ${a.ready ?? 0}, ` +
          `reserved ${a.reserved ?? 0}, talking ${a.talking ?? 0}, wrap-up ${a['wrap-up'] ?? 0}, paused ${a.paused ?? 0} | ` +
          `contacts ${Object.entries(v.contacts)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')}`,
      );
      this.lastDials = v.dials.total;
    } catch (e) {
      this.log.warn(`stats: ${(e as Error).message}`);
    }
  }
}
