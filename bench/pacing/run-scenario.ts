import type { AgentState, AttemptRecord, Pacer, PacingMode } from '@app/dialer-core';
import {
  BaselinePacer,
  defaultCallingRules,
  defaultRetryPolicy,
  DialerEngine,
  PredictivePacer,
  PreviewPacer,
  ProgressivePacer,
} from '@app/dialer-core';
import { rngForNumber, sample } from '@app/population';
import { MemoryContactSource } from './memory-contact-source';
import { populationOf, Scenario } from './scenario';
import { SimCallPort } from './sim-call-port';
import { SimClock } from './sim-clock';

/**
 * `baseline` is the VICIdial kind with its defaults (lines = level × agents ready or on a call, drop target 3 %);
 * `baseline-tuned` counts ready agents only (available_only_ratio_tally), with gentler steps and a 2.7 % target:
 * the strongest setting of that design we found, kept so the comparison is not against a straw man.
 */
export type BenchMode = PacingMode | 'baseline-tuned';

export interface ModeResult {
  scenario: string;
  mode: BenchMode;
  occupancy: number;
  abandonRate: number;
  worstHourAbandonRate: number;
  talkMinutesPerAgentHour: number;
  contactsPerAgentHour: number;
  idleP50: number;
  idleP95: number;
  dialsPerContact: number;
  /** Not in the JSON contract; for the readable table. */
  extra: { dials: number; answered: number; abandoned: number; wallSeconds: number };
}

export function makePacer(mode: BenchMode, sc: Scenario): Pacer {
  switch (mode) {
    case 'baseline-tuned':
      return new BaselinePacer({ availableOnly: true, maxLevel: 20, dropTarget: 0.027, stepUp: 0.25, stepDown: 0.125 });
    case 'preview':
      return new PreviewPacer(sc.previewSeconds);
    case 'progressive':
      return new ProgressivePacer();
    case 'predictive':
      return new PredictivePacer();
    case 'baseline':
      return new BaselinePacer();
  }
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Runs one simulated day of the real engine in one pacing mode and measures it. */
export function runScenario(sc: Scenario, mode: BenchMode, pacer: Pacer = makePacer(mode, sc)): ModeResult {
  const wallStart = performance.now();
  const start = Date.parse(sc.start);
  const end = start + sc.hours * 3600000;
  const clock = new SimClock(start);
  const model = populationOf(sc);
  const hourly = typeof model.humanAnswer !== 'number';
  const contacts = new MemoryContactSource(sc.listSize, sc.timeZones, defaultCallingRules, sc.ringTimeoutSeconds);
  const port = new SimCallPort(clock, model, sc.seed, sc.bridgeSeconds, (p) => contacts.zoneOfPhone(p), hourly);
  const records: AttemptRecord[] = [];
  const idleWaits: number[] = [];
  let busySeconds = 0; // talk + wrap-up within the day
  let talkSeconds = 0;
  const clip = (from: number, to: number): number => Math.max(0, Math.min(to, end) - Math.max(from, start)) / 1000;

  // The agent observer needs the engine it observes; it is set right after construction.
  const ref: { engine?: DialerEngine } = {};
  const onAgent = (agentId: string, from: AgentState, to: AgentState): void => {
    const now = clock.now();
    if (from.kind === 'talking') {
      const s = clip(from.since, now);
      talkSeconds += s;
      busySeconds += s;
    }
    if (from.kind === 'wrap-up') busySeconds += clip(from.since, now);
    if (from.kind === 'ready' && to.kind === 'reserved' && now <= end) idleWaits.push((now - from.since) / 1000);
    if (to.kind === 'wrap-up') {
      // The simulated agent types the disposition after a wrap-up time drawn from the model.
      const wrap = sample(model.wrap, rngForNumber(sc.seed, `${agentId}/${to.callId}`, 0));
      const callId = to.callId;
      clock.setTimer(wrap * 1000, () => {
        const a = ref.engine?.agents.get(agentId);
        if (a?.state.kind === 'wrap-up' && a.state.callId === callId) {
          ref.engine?.submitDisposition(agentId, { code: 'DONE', category: 'contact' });
        }
      });
    }
  };

  const engine = new DialerEngine(
    {
      campaignId: `${sc.name}-${mode}`,
      retryPolicy: defaultRetryPolicy,
      ringTimeoutSeconds: sc.ringTimeoutSeconds,
      wrapUpSeconds: 3600,
      callingRules: defaultCallingRules,
    },
    {
      clock,
      contacts,
      calls: port,
      attempts: {
        record: (r) => {
          records.push(r);
          contacts.noteAttempt(r.contactId, {
            phone: r.phone,
            at: r.at.ended ?? clock.now(),
            result: r.outcome,
            category: r.disposition?.category,
          });
        },
      },
      observer: {
        agentChanged: onAgent,
        error: (err, where) => {
          throw new Error(`${where}: ${String(err)}`);
        },
      },
    },
    pacer,
  );
  ref.engine = engine;
  for (let i = 0; i < sc.agents; i++) engine.agentLogin(`a${i}`);
  engine.start();
  clock.runUntil(end);
  engine.stop();
  // Close the books on agents still talking or wrapping up at the end of the day.
  for (const a of engine.agents.all()) {
    if (a.state.kind === 'talking') {
      talkSeconds += clip(a.state.since, end);
      busySeconds += clip(a.state.since, end);
    }
    if (a.state.kind === 'wrap-up') busySeconds += clip(a.state.since, end);
  }

  const inDay = records.filter((r) => r.at.answered != null && r.at.answered <= end);
  const answered = inDay.filter((r) => r.outcome === 'answered-human' || r.outcome === 'abandoned');
  const abandoned = answered.filter((r) => r.outcome === 'abandoned');
  const connectedInDay = answered.length - abandoned.length;
  // Calls still connected at the end of the day have no record yet: count them from the agents.
  let stillConnected = 0;
  for (const a of engine.agents.all()) if (a.state.kind === 'talking' || a.state.kind === 'reserved') stillConnected++;
  const contactsMade = connectedInDay + stillConnected;
  const answeredTotal = answered.length + stillConnected;

  // Worst rolling hour: windows ending every minute (from the first full hour).
  const times = answered.map((r) => ({ t: r.at.answered!, ab: r.outcome === 'abandoned' })).sort((a, b) => a.t - b.t);
  let worst = 0;
  let lo = 0;
  let hi = 0;
  let nAns = 0;
  let nAb = 0;
  for (let t = start + 3600000; t <= end; t += 60000) {
    while (hi < times.length && times[hi].t <= t) {
      nAns++;
      if (times[hi].ab) nAb++;
      hi++;
    }
    while (lo < hi && times[lo].t <= t - 3600000) {
      nAns--;
      if (times[lo].ab) nAb--;
      lo++;
    }
    if (nAns > 0) worst = Math.max(worst, nAb / nAns);
  }

  idleWaits.sort((a, b) => a - b);
  const agentHours = sc.agents * sc.hours;
  return {
    scenario: sc.name,
    mode,
    occupancy: busySeconds / (agentHours * 3600),
    abandonRate: answeredTotal > 0 ? abandoned.length / answeredTotal : 0,
    worstHourAbandonRate: worst,
    talkMinutesPerAgentHour: talkSeconds / 60 / agentHours,
    contactsPerAgentHour: contactsMade / agentHours,
    idleP50: quantile(idleWaits, 0.5),
    idleP95: quantile(idleWaits, 0.95),
    dialsPerContact: contactsMade > 0 ? port.dials / contactsMade : 0,
    extra: {
      dials: port.dials,
      answered: answeredTotal,
      abandoned: abandoned.length,
      wallSeconds: (performance.now() - wallStart) / 1000,
    },
  };
}
