import type { CallOutcome, HungUpBy } from './outcome-classifier';
import type { ChannelState, TelephonyEvent } from './telephony-event.types';

// The facts of shared/ari-observed/OUTCOME_TABLE.txt (Asterisk 22.10.1), one row per recorded scenario, with the
// outcome we expect for it. `ss` = StasisStart count, `dial` = Dial statuses in order, `hangupRequests` on the main
// channel, `destroyed` = ChannelDestroyed cause of the main channel (null: none delivered, as for dialplan-entered
// channels). The builder below turns a row into a plausible event sequence of the scenario's flow.

export type ScenarioFlow = 'originate' | 'create-dial' | 'inbound';

export interface OutcomeRow {
  name: string;
  flow: ScenarioFlow;
  ss: number;
  dial: string[];
  hangupRequests: { cause?: number; soft?: boolean; techCause?: number }[];
  destroyed: { cause: number; causeTxt: string; techCause?: number } | null;
  /** AMD verdict args of the second StasisStart (`amd,<status>,<cause>`). */
  amd?: [string, string];
  /** State of the channel at StasisStart for inbound calls. */
  inboundState?: ChannelState;
  expected: CallOutcome;
  expectedHungUpBy: HungUpBy;
}

const NC = { cause: 16, causeTxt: 'Normal Clearing' };
const NOANS = { cause: 19, causeTxt: 'User alerting, no answer' };
const OURS = { cause: 32, soft: true };

// prettier-ignore
export const OUTCOME_TABLE: readonly OutcomeRow[] = [
  { name: 'create-dial-answer', flow: 'create-dial', ss: 1, dial: ['', 'RINGING', 'ANSWER'], hangupRequests: [OURS], destroyed: NC, expected: 'our-hangup', expectedHungUpBy: 'us' },
  { name: 'create-dial-busy', flow: 'create-dial', ss: 1, dial: ['', 'RINGING', 'BUSY'], hangupRequests: [OURS], destroyed: NOANS, expected: 'busy', expectedHungUpBy: 'remote' },
  // Not in the recordings; reported for Asterisk 22.10.1 in issue 9: the Local cause lands on the created ;1, no final Dial.
  { name: 'create-dial-rejected', flow: 'create-dial', ss: 1, dial: [''], hangupRequests: [{ cause: 21 }], destroyed: { cause: 21, causeTxt: 'Call Rejected' }, expected: 'rejected', expectedHungUpBy: 'remote' },
  { name: 'create-dial-invalid', flow: 'create-dial', ss: 1, dial: [''], hangupRequests: [{ cause: 1 }], destroyed: { cause: 1, causeTxt: 'Unallocated (unassigned) number' }, expected: 'invalid-number', expectedHungUpBy: 'remote' },
  { name: 'create-dial-noanswer', flow: 'create-dial', ss: 1, dial: ['', 'RINGING'], hangupRequests: [OURS], destroyed: NOANS, expected: 'no-answer', expectedHungUpBy: 'us' },
  { name: 'create-dial-sip-busy', flow: 'create-dial', ss: 1, dial: ['', 'RINGING'], hangupRequests: [{ cause: 17, techCause: 486 }], destroyed: { cause: 17, causeTxt: 'User busy', techCause: 486 }, expected: 'busy', expectedHungUpBy: 'remote' },
  { name: 'create-dial-sip-congest', flow: 'create-dial', ss: 1, dial: ['', 'RINGING'], hangupRequests: [{ cause: 34, techCause: 503 }], destroyed: { cause: 34, causeTxt: 'Circuit/channel congestion', techCause: 503 }, expected: 'congestion', expectedHungUpBy: 'remote' },
  { name: 'create-dial-sip-noanswer', flow: 'create-dial', ss: 1, dial: ['', 'RINGING'], hangupRequests: [OURS], destroyed: { ...NOANS, techCause: 480 }, expected: 'no-answer', expectedHungUpBy: 'us' },
  { name: 'create-dial-sippeer', flow: 'create-dial', ss: 1, dial: ['', 'RINGING', 'ANSWER'], hangupRequests: [OURS], destroyed: NC, expected: 'our-hangup', expectedHungUpBy: 'us' },
  { name: 'inbound-local', flow: 'inbound', ss: 1, dial: [], hangupRequests: [OURS], destroyed: null, inboundState: 'Up', expected: 'our-hangup', expectedHungUpBy: 'us' },
  { name: 'inbound-sip', flow: 'inbound', ss: 1, dial: [], hangupRequests: [{}], destroyed: null, inboundState: 'Ring', expected: 'remote-hangup', expectedHungUpBy: 'remote' },
  { name: 'originate-amd-human', flow: 'originate', ss: 2, dial: ['', 'RINGING', 'ANSWER'], hangupRequests: [OURS], destroyed: NC, amd: ['HUMAN', 'HUMAN-803-800'], expected: 'human-answer', expectedHungUpBy: 'us' },
  { name: 'originate-amd-machine-longgreeting', flow: 'originate', ss: 2, dial: ['', 'RINGING', 'ANSWER'], hangupRequests: [OURS], destroyed: NC, amd: ['MACHINE', 'LONGGREETING-1540-1500'], expected: 'machine', expectedHungUpBy: 'us' },
  { name: 'originate-amd-machine', flow: 'originate', ss: 2, dial: ['', 'RINGING', 'ANSWER'], hangupRequests: [OURS], destroyed: NC, amd: ['MACHINE', 'MAXWORDS-3-2'], expected: 'machine', expectedHungUpBy: 'us' },
  { name: 'originate-answer-hangup', flow: 'originate', ss: 1, dial: ['', 'RINGING', 'ANSWER'], hangupRequests: [{ cause: 16 }], destroyed: NC, expected: 'remote-hangup', expectedHungUpBy: 'remote' },
  { name: 'originate-answer', flow: 'originate', ss: 1, dial: ['', 'RINGING', 'ANSWER'], hangupRequests: [OURS], destroyed: NC, expected: 'our-hangup', expectedHungUpBy: 'us' },
  { name: 'originate-busy', flow: 'originate', ss: 0, dial: ['', 'RINGING', 'BUSY'], hangupRequests: [], destroyed: { cause: 0, causeTxt: 'Unknown' }, expected: 'busy', expectedHungUpBy: 'remote' },
  { name: 'originate-congestion', flow: 'originate', ss: 0, dial: ['', 'CONGESTION'], hangupRequests: [], destroyed: { cause: 0, causeTxt: 'Unknown' }, expected: 'congestion', expectedHungUpBy: 'unknown' },
  { name: 'originate-invalid', flow: 'originate', ss: 0, dial: ['', 'NOANSWER'], hangupRequests: [{ cause: 1 }], destroyed: { cause: 1, causeTxt: 'Unallocated (unassigned) number' }, expected: 'invalid-number', expectedHungUpBy: 'remote' },
  { name: 'originate-machine', flow: 'originate', ss: 1, dial: ['', 'RINGING', 'ANSWER'], hangupRequests: [OURS], destroyed: NC, expected: 'our-hangup', expectedHungUpBy: 'us' },
  { name: 'originate-noanswer', flow: 'originate', ss: 0, dial: ['', 'RINGING'], hangupRequests: [], destroyed: NOANS, expected: 'no-answer', expectedHungUpBy: 'unknown' },
  { name: 'originate-rejected', flow: 'originate', ss: 0, dial: ['', 'NOANSWER'], hangupRequests: [{ cause: 21 }], destroyed: { cause: 21, causeTxt: 'Call Rejected' }, expected: 'rejected', expectedHungUpBy: 'remote' },
  { name: 'originate-sip-busy', flow: 'originate', ss: 0, dial: ['', 'RINGING', 'BUSY'], hangupRequests: [{ cause: 17, techCause: 486 }], destroyed: { cause: 17, causeTxt: 'User busy', techCause: 486 }, expected: 'busy', expectedHungUpBy: 'remote' },
  { name: 'originate-sip-congest', flow: 'originate', ss: 0, dial: ['', 'RINGING', 'CONGESTION'], hangupRequests: [{ cause: 34, techCause: 503 }], destroyed: { cause: 34, causeTxt: 'Circuit/channel congestion', techCause: 503 }, expected: 'congestion', expectedHungUpBy: 'remote' },
  { name: 'originate-sip-decline', flow: 'originate', ss: 0, dial: ['', 'RINGING', 'NOANSWER'], hangupRequests: [{ cause: 21, techCause: 603 }], destroyed: { cause: 21, causeTxt: 'Call Rejected', techCause: 603 }, expected: 'rejected', expectedHungUpBy: 'remote' },
  { name: 'originate-sip-noanswer', flow: 'originate', ss: 0, dial: ['', 'RINGING'], hangupRequests: [], destroyed: { ...NOANS, techCause: 480 }, expected: 'no-answer', expectedHungUpBy: 'unknown' },
  { name: 'originate-sip-notfound', flow: 'originate', ss: 0, dial: ['', 'RINGING', 'NOANSWER'], hangupRequests: [{ cause: 1, techCause: 404 }], destroyed: { cause: 1, causeTxt: 'Unallocated (unassigned) number', techCause: 404 }, expected: 'invalid-number', expectedHungUpBy: 'remote' },
  { name: 'originate-sip-remotebye', flow: 'originate', ss: 1, dial: ['', 'RINGING', 'ANSWER'], hangupRequests: [{}], destroyed: NC, expected: 'remote-hangup', expectedHungUpBy: 'remote' },
  { name: 'originate-sip-unavail', flow: 'originate', ss: 0, dial: ['', 'RINGING', 'NOANSWER'], hangupRequests: [{ cause: 19, techCause: 480 }], destroyed: { ...NOANS, techCause: 480 }, expected: 'no-answer', expectedHungUpBy: 'remote' },
  { name: 'originate-sippeer', flow: 'originate', ss: 1, dial: ['', 'RINGING', 'ANSWER'], hangupRequests: [OURS], destroyed: NC, expected: 'our-hangup', expectedHungUpBy: 'us' },
];

/** Builds the main channel's events for a row, in the order its flow produces them on Asterisk 22. */
export function eventsForRow(row: OutcomeRow, channelId = `${row.name}-chan`): TelephonyEvent[] {
  let t = Date.parse('2026-11-27T00:00:00.000Z');
  const ts = (): string => new Date((t += 10)).toISOString();
  const channel = (state: ChannelState) => ({
    id: channelId,
    name: `Local/${row.name}@dialer-test-00000001;1`,
    state,
    callerNumber: '',
    callerName: '',
    connectedNumber: '',
    dialplan: { context: 'dialer-test', exten: row.name, priority: 1, app: 'Stasis', appData: 'dialer,outbound' },
    creationTime: '',
  });
  const out: TelephonyEvent[] = [];
  const stasisStart = (state: ChannelState, args: string[]) =>
    out.push({ type: 'stasisStart', timestamp: ts(), channelId, args, channel: channel(state) });
  const answered = row.dial.includes('ANSWER');

  if (row.flow === 'inbound') {
    stasisStart(row.inboundState ?? 'Up', ['inbound', '1000']);
    if (row.inboundState !== 'Up') out.push({ type: 'stateChange', timestamp: ts(), channelId, state: 'Up' });
  }
  if (row.flow === 'create-dial') stasisStart('Down', ['outbound', row.name]);
  for (const status of row.dial) {
    if (status === 'RINGING') out.push({ type: 'stateChange', timestamp: ts(), channelId, state: 'Ringing' });
    if (status === 'ANSWER') out.push({ type: 'stateChange', timestamp: ts(), channelId, state: 'Up' });
    out.push({ type: 'dial', timestamp: ts(), channelId, dialstatus: status, dialstring: status ? '' : row.name });
  }
  if (row.flow === 'originate' && answered && row.ss > 0) {
    stasisStart('Up', ['outbound', row.name]);
    if (row.amd) {
      out.push({ type: 'stasisEnd', timestamp: ts(), channelId });
      stasisStart('Up', ['amd', ...row.amd]);
    }
  }
  for (const r of row.hangupRequests) {
    out.push({
      type: 'hangupRequest',
      timestamp: ts(),
      channelId,
      soft: r.soft === true,
      ...(r.cause !== undefined ? { cause: r.cause } : {}),
      ...(r.techCause !== undefined ? { techCause: r.techCause } : {}),
    });
  }
  if (row.ss > 0) out.push({ type: 'stasisEnd', timestamp: ts(), channelId });
  if (row.destroyed) out.push({ type: 'destroyed', timestamp: ts(), channelId, lost: false, ...row.destroyed });
  return out;
}
