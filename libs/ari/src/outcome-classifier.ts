import type { TelephonyEvent } from './telephony-event.types';

// Classifies one call from its events, as observed on Asterisk 22 (shared/ari-observed/OUTCOME_TABLE.txt):
// - the Dial status comes first: for Local busy/congestion the originated channel is destroyed with cause 0
//   "Unknown" and the real reason is only in Dial.dialstatus;
// - the hangup cause comes second: Asterisk reports a SIP 603/404/480 and a Local cause 21/1 all as NOANSWER, so a
//   NOANSWER (or no final status, as with create + dial over SIP) is refined by the cause;
// - `soft` hangup requests carry an internal flag (32 = our own DELETE, also our dial timeout), not a Q.850 cause,
//   so they never decide the outcome; they only tell who ended an answered call.

export const CALL_OUTCOMES = [
  'human-answer', // answered; AMD said HUMAN, or no AMD ran and the call is still up
  'machine', // answered; AMD said MACHINE
  'busy',
  'no-answer',
  'rejected',
  'invalid-number',
  'congestion',
  'failed', // unanswered for a reason that is none of the above (cause 0/16 without our request, CHANUNAVAIL, lost)
  'our-hangup', // we ended it: answered without an AMD verdict then our DELETE, or we cancelled it while ringing
  'remote-hangup', // answered without an AMD verdict, then the far end hung up
  'in-progress', // not ended yet and not answered
] as const;

export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export type HungUpBy = 'us' | 'remote' | 'unknown';

export interface OutcomeClassification {
  outcome: CallOutcome;
  answered: boolean;
  ended: boolean;
  /** Who ended the call; undefined while it is not ended. */
  hungUpBy?: HungUpBy;
  /** Last final Dial status seen (BUSY, NOANSWER, ANSWER, ...), if any. */
  dialStatus?: string;
  /** The Q.850 cause used (ChannelDestroyed first, else a non-soft hangup request). */
  cause?: number;
  causeTxt?: string;
  amd?: { status: string; cause: string };
  /** The channel the classification is about. */
  channelId?: string;
}

const PROGRESS_STATUSES = new Set(['', 'RINGING', 'PROGRESS', 'PROCEEDING']);
const INVALID_CAUSES = new Set([1, 3, 22, 28]); // unallocated, no route, number changed, invalid format
const NO_ANSWER_CAUSES = new Set([18, 19, 20]); // no user responding, no answer, subscriber absent
const CONGESTION_CAUSES = new Set([27, 34, 38, 41, 42, 44, 47, 58]);

function outcomeForCause(cause: number | undefined): CallOutcome | undefined {
  if (cause === undefined) return undefined;
  if (INVALID_CAUSES.has(cause)) return 'invalid-number';
  if (cause === 17) return 'busy';
  if (cause === 21) return 'rejected';
  if (NO_ANSWER_CAUSES.has(cause)) return 'no-answer';
  if (CONGESTION_CAUSES.has(cause)) return 'congestion';
  return undefined;
}

function inferMainChannel(events: readonly TelephonyEvent[]): string | undefined {
  // The originated channel; Local `;2` halves are never the main one.
  for (const e of events) {
    if ('channelId' in e && e.channelId && !e.channelId.endsWith(';2')) return e.channelId;
  }
  return undefined;
}

/**
 * Classifies one call. `channelId` is the originated / created / inbound channel; when omitted it is the first
 * channel in the events that is not a Local `;2` half. Events of other channels are ignored.
 */
export function classifyOutcome(
  events: readonly TelephonyEvent[],
  options: { channelId?: string } = {},
): OutcomeClassification {
  const channelId = options.channelId ?? inferMainChannel(events);
  let answered = false;
  let dialStatus: string | undefined;
  let amd: { status: string; cause: string } | undefined;
  let destroyed: { cause: number; causeTxt: string; lost: boolean } | undefined;
  let firstRequestAfterAnswer: 'us' | 'remote' | undefined;
  let ourRequestSeen = false;
  let remoteCause: number | undefined;
  let lastStasis: 'start' | 'end' | undefined;
  let anyRequest = false;

  for (const e of events) {
    if (!('channelId' in e) || e.channelId !== channelId) continue;
    switch (e.type) {
      case 'dial':
        if (!PROGRESS_STATUSES.has(e.dialstatus)) {
          dialStatus = e.dialstatus;
          if (e.dialstatus === 'ANSWER') answered = true;
        }
        break;
      case 'stateChange':
        if (e.state === 'Up') answered = true;
        break;
      case 'stasisStart':
        lastStasis = 'start';
        if (e.channel.state === 'Up') answered = true;
        if (e.args[0] === 'amd') amd = { status: e.args[1] ?? '', cause: e.args[2] ?? '' };
        break;
      case 'stasisEnd':
        lastStasis = 'end';
        break;
      case 'hangupRequest':
        anyRequest = true;
        if (e.soft) ourRequestSeen = true;
        else if (remoteCause === undefined && e.cause !== undefined) remoteCause = e.cause;
        if (answered && firstRequestAfterAnswer === undefined) firstRequestAfterAnswer = e.soft ? 'us' : 'remote';
        break;
      case 'destroyed':
        destroyed = { cause: e.cause, causeTxt: e.causeTxt, lost: e.lost };
        break;
      case 'dtmf':
      case 'playbackStarted':
      case 'playbackFinished':
      case 'enteredBridge':
      case 'leftBridge':
      case 'recordingFinished':
      case 'recordingFailed':
        break;
    }
  }

  // Channels that entered Stasis from the dialplan get StasisEnd but no ChannelDestroyed after a hangup.
  const ended = destroyed !== undefined || (anyRequest && lastStasis === 'end');
  // The cause: ChannelDestroyed's, unless it says nothing (0 Unknown, 16 Normal Clearing) and the far end's
  // hangup request said more.
  let cause = destroyed && !destroyed.lost ? destroyed.cause : undefined;
  let causeTxt = destroyed?.causeTxt;
  if ((cause === undefined || cause === 0 || cause === 16) && remoteCause !== undefined && remoteCause !== 16) {
    cause = remoteCause;
    causeTxt = undefined;
  }
  const base = {
    answered,
    ended,
    ...(dialStatus !== undefined ? { dialStatus } : {}),
    ...(cause !== undefined ? { cause } : {}),
    ...(causeTxt !== undefined ? { causeTxt } : {}),
    ...(amd ? { amd } : {}),
    ...(channelId !== undefined ? { channelId } : {}),
  };

  if (answered) {
    let hungUpBy: HungUpBy | undefined;
    if (ended) hungUpBy = firstRequestAfterAnswer ?? 'unknown';
    const verdict = amd?.status.toUpperCase();
    if (verdict === 'MACHINE') return { ...base, outcome: 'machine', ...(hungUpBy ? { hungUpBy } : {}) };
    if (verdict === 'HUMAN') return { ...base, outcome: 'human-answer', ...(hungUpBy ? { hungUpBy } : {}) };
    if (hungUpBy === 'us') return { ...base, outcome: 'our-hangup', hungUpBy };
    if (hungUpBy === 'remote') return { ...base, outcome: 'remote-hangup', hungUpBy };
    return { ...base, outcome: 'human-answer', ...(hungUpBy ? { hungUpBy } : {}) };
  }

  const unansweredHungUpBy = (outcome: CallOutcome): HungUpBy | undefined => {
    if (!ended) return undefined;
    if (outcome === 'our-hangup') return 'us';
    if (remoteCause !== undefined || outcome === 'busy' || outcome === 'rejected') return 'remote';
    return ourRequestSeen ? 'us' : 'unknown';
  };
  const done = (outcome: CallOutcome): OutcomeClassification => {
    const hungUpBy = unansweredHungUpBy(outcome);
    return { ...base, outcome, ...(hungUpBy ? { hungUpBy } : {}) };
  };

  switch (dialStatus) {
    case 'BUSY':
      return done('busy');
    case 'CONGESTION':
      return done('congestion');
    case 'CANCEL':
      return done('our-hangup');
    case 'DONTCALL':
    case 'TORTURE':
      return done('rejected');
    case 'NOANSWER':
      return done(outcomeForCause(cause) ?? 'no-answer');
    case 'CHANUNAVAIL':
    case 'INVALIDARGS':
      return done(outcomeForCause(cause) ?? 'failed');
    default:
      break;
  }
  if (!ended) return { ...base, outcome: 'in-progress' };
  const byCause = outcomeForCause(cause);
  if (byCause) return done(byCause);
  // Cause 0/16 or none: we cancelled it (our soft request) or it failed for a reason Asterisk did not give.
  if (ourRequestSeen && !destroyed?.lost) return done('our-hangup');
  return done('failed');
}
