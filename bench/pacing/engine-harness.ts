import type { AgentState, AttemptRecord, InboundClaim, Pacer } from '@app/dialer-core';
import { defaultCallingRules, defaultRetryPolicy, DialerEngine } from '@app/dialer-core';
import { type PopulationModel, rngForNumber, sample } from '@app/population';
import { MemoryContactSource } from './memory-contact-source';
import { populationOf, Scenario } from './scenario';
import { SimCallPort } from './sim-call-port';
import { SimClock } from './sim-clock';

export interface EngineHarness {
  engine: DialerEngine;
  clock: SimClock;
  model: PopulationModel;
  port: SimCallPort;
  /** Every attempt the engine recorded, in order. */
  records: AttemptRecord[];
  start: number;
  end: number;
}

/**
 * The part the pacing and ACD benchmarks share: the real dialer engine over a simulated day of one scenario (the
 * population model, an in-memory contact list, the simulated carrier), with simulated agents who type their
 * disposition after a wrap-up time drawn from the model. `agentChanged` sees every agent transition first (for the
 * benchmark's own accounting); `inbound` is the ACD's claim on ready agents (blending).
 */
export function buildEngineHarness(
  sc: Scenario,
  campaignId: string,
  pacer: Pacer,
  hooks: { agentChanged?: (agentId: string, from: AgentState, to: AgentState) => void; inbound?: InboundClaim } = {},
): EngineHarness {
  const start = Date.parse(sc.start);
  const end = start + sc.hours * 3600000;
  const clock = new SimClock(start);
  const model = populationOf(sc);
  const hourly = typeof model.humanAnswer !== 'number';
  const contacts = new MemoryContactSource(sc.listSize, sc.timeZones, defaultCallingRules, sc.ringTimeoutSeconds);
  const port = new SimCallPort(clock, model, sc.seed, sc.bridgeSeconds, (p) => contacts.zoneOfPhone(p), hourly);
  const records: AttemptRecord[] = [];

  // The agent observer needs the engine it observes; it is set right after construction.
  const ref: { engine?: DialerEngine } = {};
  const onAgent = (agentId: string, from: AgentState, to: AgentState): void => {
    hooks.agentChanged?.(agentId, from, to);
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
      campaignId,
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
      ...(hooks.inbound ? { inbound: hooks.inbound } : {}),
    },
    pacer,
  );
  ref.engine = engine;
  return { engine, clock, model, port, records, start, end };
}
