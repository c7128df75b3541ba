import { defaultPopulation, fateForNumber, type Fate, type PopulationModel } from '@app/population';
import type { Behaviour, NumberBehaviour, OutcomeKind } from './sim-types';

/** Contexts whose extensions behave as the outcome they are named after (the test dialplan and the recordings'). */
export const OUTCOME_CONTEXTS = new Set(['dialer-test', 'sim-outcomes']);

/** Defaults per outcome: ring seconds, far-end hangup after answer (undefined = holds), AMD verdict. */
const DEFAULTS: Record<OutcomeKind, Omit<Behaviour, 'outcome'>> = {
  answer: { ringSeconds: 2, amdVerdict: 'HUMAN' },
  'answer-hangup': { ringSeconds: 1, talkSeconds: 1, amdVerdict: 'HUMAN' },
  human: { ringSeconds: 2, amdVerdict: 'HUMAN' },
  machine: { ringSeconds: 2, amdVerdict: 'MACHINE' },
  busy: { ringSeconds: 1, amdVerdict: 'NOTSURE' },
  congestion: { ringSeconds: 1, amdVerdict: 'NOTSURE' },
  noanswer: { ringSeconds: Number.POSITIVE_INFINITY, amdVerdict: 'NOTSURE' },
  rejected: { ringSeconds: 1, amdVerdict: 'NOTSURE' },
  invalid: { ringSeconds: 0, amdVerdict: 'NOTSURE' },
  unavailable: { ringSeconds: 1, amdVerdict: 'NOTSURE' },
  agent: { ringSeconds: 0, amdVerdict: 'HUMAN' },
};

/** The SIPp peers of the recordings, so `PJSIP/sip-busy` etc. behave as recorded. */
const SIP_PEERS: Record<string, NumberBehaviour> = {
  sippeer: { outcome: 'answer' },
  'sip-busy': { outcome: 'busy' },
  'sip-congest': { outcome: 'congestion' },
  'sip-decline': { outcome: 'rejected' },
  'sip-notfound': { outcome: 'invalid', ringSeconds: 0.2 },
  'sip-unavail': { outcome: 'unavailable' },
  'sip-noanswer': { outcome: 'noanswer' },
  'sip-remotebye': { outcome: 'human', ringSeconds: 1, talkSeconds: 5 },
};

export function isOutcomeKind(value: string): value is OutcomeKind {
  return Object.prototype.hasOwnProperty.call(DEFAULTS, value);
}

export function behaviourFrom(nb: NumberBehaviour): Behaviour {
  const d = DEFAULTS[nb.outcome];
  return {
    outcome: nb.outcome,
    ringSeconds: nb.ringSeconds ?? d.ringSeconds,
    talkSeconds: nb.talkSeconds ?? d.talkSeconds,
    amdVerdict: nb.amdVerdict ?? d.amdVerdict,
    silenceSeconds: nb.silenceSeconds,
  };
}

export function behaviourFromFate(fate: Fate): Behaviour {
  switch (fate.kind) {
    case 'human':
    case 'machine':
      return {
        outcome: fate.kind,
        ringSeconds: fate.ringSeconds,
        talkSeconds: fate.talkSeconds,
        amdVerdict: fate.amdVerdict ?? (fate.kind === 'human' ? 'HUMAN' : 'MACHINE'),
        silenceSeconds: fate.silenceSeconds,
      };
    case 'busy':
    case 'noanswer':
    case 'invalid':
    case 'rejected':
    case 'congestion':
      return { outcome: fate.kind, ringSeconds: fate.ringSeconds, amdVerdict: 'NOTSURE' };
  }
}

/** Hangup causes: Q.850 cause, SIP response, Dial status, as observed on Asterisk 22 with chan_pjsip. */
export const FAILURES: Partial<Record<OutcomeKind, { cause: number; sip: number; dialstatus: string }>> = {
  busy: { cause: 17, sip: 486, dialstatus: 'BUSY' },
  congestion: { cause: 34, sip: 503, dialstatus: 'CONGESTION' },
  rejected: { cause: 21, sip: 603, dialstatus: 'NOANSWER' },
  invalid: { cause: 1, sip: 404, dialstatus: 'NOANSWER' },
  unavailable: { cause: 19, sip: 480, dialstatus: 'NOANSWER' },
};

export const CAUSE_TEXT: Record<number, string> = {
  0: 'Unknown',
  1: 'Unallocated (unassigned) number',
  3: 'No route to destination',
  16: 'Normal Clearing',
  17: 'User busy',
  18: 'No user responding',
  19: 'User alerting, no answer',
  21: 'Call Rejected',
  26: 'Answered elsewhere',
  27: 'Destination out of order',
  28: 'Invalid number format',
  31: 'Normal, unspecified',
  34: 'Circuit/channel congestion',
  38: 'Network out of order',
  41: 'Temporary failure',
  58: 'Bearer capability not available',
  127: 'Interworking, unspecified',
};

/** DELETE /channels/{id}?reason=... names, as ARI maps them to causes. */
export const HANGUP_REASONS: Record<string, number> = {
  normal: 16,
  busy: 17,
  congestion: 34,
  no_answer: 19,
  timeout: 18,
  rejected: 21,
  unallocated: 1,
  normal_unspecified: 31,
  number_incomplete: 28,
  codec_mismatch: 58,
  interworking: 127,
  failure: 38,
  answered_elsewhere: 26,
};

export function causeText(cause: number): string {
  return CAUSE_TEXT[cause] ?? 'Unknown';
}

/**
 * AMDCAUSE as app_amd sets it with asterisk-config/amd.conf: `HUMAN-<silence ms>-<after_greeting_silence>`,
 * `LONGGREETING-<voice ms>-<greeting>`, `TOOLONG-<total ms>` (Asterisk 22 gave HUMAN-801-800 and TOOLONG-4901).
 */
export const AMD_CAUSES: Record<string, string> = {
  HUMAN: 'HUMAN-801-800',
  MACHINE: 'LONGGREETING-1540-1500',
  NOTSURE: 'TOOLONG-4901',
};

/**
 * PJSIP endpoints the simulator knows by default, as a configured Asterisk would: the agent phones
 * `PJSIP/agent-1000` … `PJSIP/agent-1999`, numbers dialled through the `carrier` trunk, and the SIPp peers of the
 * recordings. `*` matches any text, `{a-b}` a whole number from a to b. Anything else answers 500 Allocation failed.
 */
export const DEFAULT_DECLARED_ENDPOINTS: readonly string[] = [
  'PJSIP/agent-{1000-1999}',
  'PJSIP/*@carrier',
  'PJSIP/carrier/*',
  ...Object.keys(SIP_PEERS).map((peer) => `PJSIP/${peer}`),
];

function patternRegex(pattern: string): { re: RegExp; ranges: [number, number][] } {
  const ranges: [number, number][] = [];
  let src = '';
  const parts = pattern.split(/(\*|\{\d+-\d+\})/);
  for (const part of parts) {
    if (part === '*') src += '.*';
    else if (/^\{\d+-\d+\}$/.test(part)) {
      const [a, b] = part.slice(1, -1).split('-').map(Number);
      ranges.push([a, b]);
      src += '(\\d+)';
    } else src += part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return { re: new RegExp(`^${src}$`, 'i'), ranges };
}

/** Whether `endpoint` matches one declared pattern (technology case-insensitive). */
export function endpointDeclared(patterns: Iterable<string>, endpoint: string): boolean {
  for (const pattern of patterns) {
    const { re, ranges } = patternRegex(pattern);
    const m = re.exec(endpoint);
    if (!m) continue;
    if (ranges.every(([a, b], i) => /^\d+$/.test(m[i + 1]) && Number(m[i + 1]) >= a && Number(m[i + 1]) <= b))
      return true;
  }
  return false;
}

export interface ParsedEndpoint {
  tech: 'Local' | 'PJSIP';
  /** What the Dial event shows as dialstring. */
  dialstring: string;
  /** For naming the channel: Local `exten@context`, PJSIP the endpoint/trunk. */
  nameBase: string;
  context?: string;
  exten?: string;
  /** The number dialled (population key). */
  number: string;
  /** Named outcome / SIPp peer / agent, when the endpoint itself decides. */
  fixed?: NumberBehaviour;
}

/** Parses an ARI endpoint; undefined for a technology we do not simulate (Asterisk: 500 Allocation failed). */
export function parseEndpoint(endpoint: string, agents: ReadonlySet<string>): ParsedEndpoint | undefined {
  const slash = endpoint.indexOf('/');
  if (slash <= 0) return undefined;
  const techRaw = endpoint.slice(0, slash).toLowerCase();
  const rest = endpoint.slice(slash + 1);
  if (!rest) return undefined;
  const isAgent = agents.has(endpoint) || agents.has(rest);
  if (techRaw === 'local') {
    const noOpts = rest.replace(/\/[a-z]+$/i, '');
    const at = noOpts.indexOf('@');
    const exten = at >= 0 ? noOpts.slice(0, at) : noOpts;
    const context = at >= 0 ? noOpts.slice(at + 1) : 'default';
    let fixed: NumberBehaviour | undefined;
    if (isAgent || exten.startsWith('agent-')) fixed = { outcome: 'agent' };
    else if (OUTCOME_CONTEXTS.has(context) && isOutcomeKind(exten)) fixed = { outcome: exten };
    return { tech: 'Local', dialstring: noOpts, nameBase: `${exten}@${context}`, context, exten, number: exten, fixed };
  }
  if (techRaw === 'pjsip') {
    let number = rest;
    let nameBase = rest;
    const at = rest.indexOf('@');
    const sl = rest.indexOf('/');
    if (sl > 0) {
      // PJSIP/trunk/sip:number@host
      nameBase = rest.slice(0, sl);
      number = rest
        .slice(sl + 1)
        .replace(/^sips?:/, '')
        .split('@')[0];
    } else if (at > 0) {
      // PJSIP/number@trunk
      number = rest.slice(0, at);
      nameBase = rest.slice(at + 1);
    }
    let fixed: NumberBehaviour | undefined;
    if (isAgent || number.startsWith('agent-') || nameBase.startsWith('agent-')) fixed = { outcome: 'agent' };
    else if (Object.prototype.hasOwnProperty.call(SIP_PEERS, number)) fixed = SIP_PEERS[number];
    return { tech: 'PJSIP', dialstring: rest, nameBase, number, fixed };
  }
  return undefined;
}

/** The behaviour of one dial: the endpoint's own, else the number's configured one, else the population's fate. */
export function decideBehaviour(
  parsed: ParsedEndpoint,
  numbers: ReadonlyMap<string, NumberBehaviour>,
  population: PopulationModel | undefined,
  seed: number,
  attempt: number,
  localHour?: number,
): Behaviour {
  if (parsed.fixed) return behaviourFrom(parsed.fixed);
  const configured = numbers.get(parsed.number);
  if (configured) return behaviourFrom(configured);
  return behaviourFromFate(fateForNumber(population ?? defaultPopulation(), seed, parsed.number, attempt, localHour));
}
