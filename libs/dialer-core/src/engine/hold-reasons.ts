import { callability, nextWindowOpening, type CallingRules } from '../compliance/calling-window';
import { wallTime } from '../compliance/local-time';

// Why is nothing dialing? A pure reading of one campaign's aggregate numbers at an instant, for the live view, the
// wallboard and an idle agent's screen. The numbers come from a cheap aggregate query (contacts per time zone and
// status, agents per state, the abandon window); this function decides what holds the campaign back and says until
// when, in words a planner understands.

/** Every reason the live view can give for a campaign not dialing (the web app labels each one). */
export const HOLD_CODES = [
  'not-started',
  'pilot-review',
  'pilot-paused',
  'paused',
  'finished',
  'no-dialer',
  'no-contacts-left',
  'attempt-caps-reached',
  'do-not-call',
  'outside-window',
  'waiting-for-retry',
  'no-ready-agents',
  'abandon-budget-spent',
  'deadline-passed',
] as const;
export type HoldCode = (typeof HOLD_CODES)[number];

export interface HoldReason {
  code: HoldCode;
  message: string;
  /** When this reason stops holding the campaign back, if known (ISO). */
  until?: string;
  details?: Record<string, unknown>;
}

export interface HoldZone {
  timeZone: string;
  /** Contacts waiting to be called (status pending). */
  pending: number;
  /** Of those, due now (next_attempt_at <= now). */
  due: number;
  /** The earliest next_attempt_at of the pending contacts not yet due (epoch ms). */
  nextRetryAt: number | null;
  /** Claimed or being dialled right now. */
  inFlight: number;
}

export interface HoldInput {
  now: number;
  state: string;
  mode: 'preview' | 'progressive' | 'predictive';
  deadline: number | null;
  rules: CallingRules;
  ringTimeoutSeconds: number;
  /** Open contacts per time zone (in a pilot: the pilot's contacts only). */
  zones: HoldZone[];
  /** Contacts by status (in a pilot: the pilot's contacts only). */
  statuses: Record<string, number>;
  agents: { byState: Record<string, number> };
  /** Predictive only: the rolling abandon window; `freesAt` = when its oldest abandon leaves it (epoch ms). */
  abandon: { cap: number; rate: number; freesAt: number | null } | null;
  /** A dialer process holds the campaign's lease. */
  runnerHeld: boolean;
}

export interface DialingStatus {
  /** True when nothing holds the campaign back: it dials (or is about to) now. */
  dialing: boolean;
  /** One sentence: what it does, or the first reason it does not. */
  summary: string;
  reasons: HoldReason[];
  /** When the first contact can next be called (ISO), if known. */
  nextCallableAt: string | null;
  computedAt: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** "09:00 Europe/London" on the local day of `now`, else "Mon 2026-11-30 09:00 Europe/London". */
export function localClock(instant: number, timeZone: string, now: number): string {
  const w = wallTime(timeZone, instant);
  const today = wallTime(timeZone, now);
  const hhmm = `${pad(Math.floor(w.seconds / 3600))}:${pad(Math.floor((w.seconds % 3600) / 60))}`;
  if (w.y === today.y && w.m === today.m && w.d === today.d) return `${hhmm} ${timeZone}`;
  const day = DAYS[new Date(Date.UTC(w.y, w.m - 1, w.d)).getUTCDay()];
  return `${day} ${w.y}-${pad(w.m)}-${pad(w.d)} ${hhmm} ${timeZone}`;
}

const iso = (t: number): string => new Date(t).toISOString();
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const STATE_REASONS: Record<string, HoldReason> = {
  draft: { code: 'not-started', message: 'the campaign is a draft: start its pilot to begin calling' },
  pilot_review: {
    code: 'pilot-review',
    message: 'the pilot is over and awaits review: launch the campaign, or start another pilot round',
  },
  pilot_paused: { code: 'pilot-paused', message: 'the pilot is paused: resume it to go on calling' },
  paused: { code: 'paused', message: 'the campaign is paused: resume it to go on calling' },
  completed: { code: 'finished', message: 'the campaign is completed' },
  cancelled: { code: 'finished', message: 'the campaign is cancelled' },
};

/** What holds a campaign back from dialing at `now`, most important first; empty when it dials. */
export function holdReasons(i: HoldInput): DialingStatus {
  const reasons: HoldReason[] = [];
  const state = STATE_REASONS[i.state];
  if (state) reasons.push(state);
  const dialingState = i.state === 'pilot' || i.state === 'running';
  const pilot = i.state === 'pilot' || i.state === 'pilot_paused' ? 'pilot ' : '';
  if (i.state === 'draft' || i.state === 'completed' || i.state === 'cancelled')
    return done(i, reasons, null, dialingState);
  if (i.deadline !== null && i.deadline < i.now)
    reasons.push({
      code: 'deadline-passed',
      message: `the deadline passed at ${iso(i.deadline)}; the campaign goes on calling until it is completed`,
      details: { deadline: iso(i.deadline) },
    });

  const pending = i.zones.reduce((s, z) => s + z.pending, 0);
  const inFlight = i.zones.reduce((s, z) => s + z.inFlight, 0);
  if (pending + inFlight === 0) {
    const st = i.statuses;
    const breakdown = {
      done: st.done ?? 0,
      exhausted: st.exhausted ?? 0,
      dnc: st.dnc ?? 0,
      excluded: st.excluded ?? 0,
    };
    reasons.push({
      code: 'no-contacts-left',
      message:
        `no ${pilot}contacts left to call: ${breakdown.done} done, ${breakdown.exhausted} reached their attempt cap, ` +
        `${breakdown.dnc} on the do-not-call list`,
      details: breakdown,
    });
    if (breakdown.exhausted > 0)
      reasons.push({
        code: 'attempt-caps-reached',
        message: `${plural(breakdown.exhausted, 'contact')} reached the attempt cap of the retry policy`,
        details: { contacts: breakdown.exhausted },
      });
    if (breakdown.dnc > 0)
      reasons.push({
        code: 'do-not-call',
        message: `${plural(breakdown.dnc, 'contact')} cannot be called: on the do-not-call list`,
        details: { contacts: breakdown.dnc },
      });
    return done(i, reasons, null, dialingState);
  }

  // Contacts: callable now, outside their window, or waiting for a retry; and when each zone can next be called.
  let dueNow = 0;
  const outside: { timeZone: string; contacts: number; opensAt: number | null }[] = [];
  const retrying: { timeZone: string; contacts: number; at: number }[] = [];
  let nextCallable: number | null = null;
  const earliest = (t: number | null): void => {
    if (t !== null && (nextCallable === null || t < nextCallable)) nextCallable = t;
  };
  for (const z of i.zones) {
    if (z.pending === 0) continue;
    const c = callability(i.rules, z.timeZone, i.now, i.ringTimeoutSeconds);
    if (c.callable) {
      if (z.due > 0) {
        dueNow += z.due;
        earliest(i.now);
      } else if (z.nextRetryAt !== null) {
        const at =
          c.until !== undefined && z.nextRetryAt <= c.until
            ? z.nextRetryAt
            : (nextWindowOpening(i.rules, z.timeZone, z.nextRetryAt, i.ringTimeoutSeconds) ?? null);
        retrying.push({ timeZone: z.timeZone, contacts: z.pending, at: at ?? z.nextRetryAt });
        earliest(at);
      }
    } else {
      const opensAt = c.from ?? null;
      outside.push({ timeZone: z.timeZone, contacts: z.pending, opensAt });
      // a zone whose contacts all wait for a retry past the opening is callable only when both hold
      let at = opensAt;
      if (opensAt !== null && z.due === 0 && z.nextRetryAt !== null && z.nextRetryAt > opensAt)
        at = nextWindowOpening(i.rules, z.timeZone, z.nextRetryAt, i.ringTimeoutSeconds) ?? null;
      earliest(at);
    }
  }

  if (dueNow === 0) {
    if (outside.length) {
      outside.sort((a, b) => (a.opensAt ?? Infinity) - (b.opensAt ?? Infinity));
      const first = outside.find((z) => z.opensAt !== null);
      const count = outside.reduce((s, z) => s + z.contacts, 0);
      const when = first?.opensAt != null ? localClock(first.opensAt, first.timeZone, i.now) : null;
      const who = retrying.length ? `${plural(count, `${pilot}contact`)} are` : `every ${pilot}contact is`;
      reasons.push({
        code: 'outside-window',
        message: when
          ? `${who} outside the calling window until ${when}${first!.timeZone === 'UTC' ? '' : ` (${iso(first!.opensAt!)})`}`
          : `${who} outside the calling window, and no window opens in the next 14 days`,
        ...(first?.opensAt != null ? { until: iso(first.opensAt) } : {}),
        details: {
          zones: outside.map((z) => ({
            timeZone: z.timeZone,
            contacts: z.contacts,
            opensAt: z.opensAt === null ? null : iso(z.opensAt),
            opensAtLocal: z.opensAt === null ? null : localClock(z.opensAt, z.timeZone, i.now),
          })),
        },
      });
    }
    if (retrying.length) {
      const at = Math.min(...retrying.map((z) => z.at));
      const count = retrying.reduce((s, z) => s + z.contacts, 0);
      reasons.push({
        code: 'waiting-for-retry',
        message: `${outside.length ? plural(count, `${pilot}contact`) + ' in their window are' : `all remaining ${pilot}contacts are`} waiting for a retry until ${iso(at)}`,
        until: iso(at),
        details: { contacts: count, zones: retrying.map((z) => ({ ...z, at: iso(z.at) })) },
      });
    }
  }

  if (dialingState && dueNow > 0) {
    const by = i.agents.byState;
    const ready = by.ready ?? 0;
    const loggedIn = Object.values(by).reduce((s, n) => s + n, 0);
    if (ready === 0) {
      const busy = Object.entries(by)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${s}`)
        .join(', ');
      reasons.push({
        code: 'no-ready-agents',
        message:
          loggedIn === 0
            ? `no agent is logged in to the campaign (${plural(dueNow, 'contact')} could be called now)`
            : `no agent is ready (${busy}); ${plural(dueNow, 'contact')} could be called now`,
        details: { loggedIn, byState: { ...by }, callableNow: dueNow },
      });
    }
    if (i.mode === 'predictive' && i.abandon && i.abandon.rate >= i.abandon.cap)
      reasons.push({
        code: 'abandon-budget-spent',
        message:
          `the abandon budget is spent (${(i.abandon.rate * 100).toFixed(1)} % of answered calls abandoned, cap ` +
          `${(i.abandon.cap * 100).toFixed(1)} %): dialing one line per ready agent` +
          (i.abandon.freesAt ? ` until ${iso(i.abandon.freesAt)}` : ''),
        ...(i.abandon.freesAt ? { until: iso(i.abandon.freesAt) } : {}),
        details: { rate: i.abandon.rate, cap: i.abandon.cap },
      });
    if (!i.runnerHeld)
      reasons.push({
        code: 'no-dialer',
        message: 'no dialer process runs this campaign yet (it is picked up within seconds by a running dialer)',
      });
  }
  return done(i, reasons, nextCallable, dialingState, dueNow);
}

function done(
  i: HoldInput,
  reasons: HoldReason[],
  nextCallable: number | null,
  dialingState: boolean,
  dueNow = 0,
): DialingStatus {
  const blocking = reasons.filter((r) => r.code !== 'deadline-passed' && r.code !== 'abandon-budget-spent');
  const dialing = dialingState && blocking.length === 0 && dueNow > 0;
  const ready = i.agents.byState.ready ?? 0;
  return {
    dialing,
    summary: dialing
      ? `dialing: ${plural(dueNow, 'contact')} callable now, ${plural(ready, 'agent')} ready`
      : ((blocking[0] ?? reasons[0])?.message ?? 'calls in progress; nothing more to place right now'),
    reasons,
    nextCallableAt: nextCallable === null ? null : iso(nextCallable),
    computedAt: iso(i.now),
  };
}
