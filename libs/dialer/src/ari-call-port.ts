import { classifyOutcome, isAriError, type TelephonyEvent, type TelephonyPort } from '@app/ari';
import type { AmdResult, CallEvent, CallPort, OriginateRequest } from '@app/dialer-core';
import type { AttemptStore, CallDetail } from './pg-attempt-sink';
import type { PgLease } from './pg-contact-source';

/** The dialplan context that runs AMD() and re-enters Stasis with `amd,<verdict>,<cause>` (asterisk-config). */
export const AMD_CONTEXT = 'dialer-amd';

export type CallStateName = 'dialing' | 'ringing' | 'answered' | 'bridged' | 'abandoned' | 'machine' | 'ended';

export interface LiveCallView {
  callId: string;
  campaignId: string;
  contactId: string;
  phone: string;
  state: CallStateName;
  agentId: string | null;
  since: string;
}

export interface AriCallPortOptions {
  campaignId: string;
  /** `PJSIP/{number}@carrier`: `{number}` is the E.164 number, `{digits}` the same without its `+`. */
  endpointTemplate: string;
  /** Media for abandoned calls and answering machines (`sound:...`; a bare name gets `sound:`). */
  abandonMessage: () => string | null;
  machineMessage: () => string | null;
  /** The agent's own mixing bridge (their channel sits in it for the whole shift). */
  bridgeOf: (agentId: string) => string | undefined;
  leaseOf: (contactId: string) => PgLease | undefined;
  /** Notified of each call's progress (agent screens, wallboards). */
  onCallState?: (callId: string, state: CallStateName, agentId: string | null) => void;
  /** Milliseconds from the verdict (person detected) to the customer being in the agent's bridge. */
  onBridgeLatency?: (ms: number) => void;
  onError?: (e: unknown, where: string) => void;
}

interface TrackedCall {
  callId: string;
  contactId: string;
  phone: string;
  amd: boolean;
  events: TelephonyEvent[];
  state: CallStateName;
  since: number;
  answered: boolean;
  ringingSent: boolean;
  verdictAt?: number;
  agentId: string | null;
  playbackId?: string;
  playbackTimer?: NodeJS.Timeout;
  ended: boolean;
}

const DEFAULT_ABANDON_MEDIA = 'sound:vm-goodbye';
/** If a message's PlaybackFinished never comes, the call is hung up anyway after this. */
const PLAYBACK_GUARD_MS = 60_000;

function media(m: string | null | undefined): string | undefined {
  if (!m) return undefined;
  return /^[a-z]+:/.test(m) ? m : `sound:${m}`;
}

function amdVerdict(status: string | undefined): AmdResult {
  switch ((status ?? '').toUpperCase()) {
    case 'HUMAN':
      return 'human';
    case 'MACHINE':
      return 'machine';
    default:
      return 'unknown';
  }
}

/**
 * The engine's CallPort over the telephony port (ARI). One per running campaign: it originates customer numbers
 * with a client-chosen channel id (= the engine's call id = call_attempts.channel_id, written before the originate),
 * runs AMD through the dialplan when the campaign asks for it, bridges people into the agent's own bridge, plays the
 * abandon / machine messages and turns ARI events into the engine's call events (outcomes by the libs/ari classifier).
 */
export class AriCallPort implements CallPort {
  private listener: ((e: CallEvent) => void) | undefined;
  private readonly calls = new Map<string, TrackedCall>();
  private readonly details = new Map<string, CallDetail>();
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    private readonly telephony: TelephonyPort,
    private readonly store: AttemptStore,
    private readonly o: AriCallPortOptions,
  ) {
    this.unsubscribe = telephony.subscribe((e) => this.onEvent(e));
  }

  subscribe(listener: (event: CallEvent) => void): void {
    this.listener = listener;
  }

  /** Stops listening (the runner dropped the campaign). */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    for (const c of this.calls.values()) if (c.playbackTimer) clearTimeout(c.playbackTimer);
  }

  live(): LiveCallView[] {
    return [...this.calls.values()].map((c) => ({
      callId: c.callId,
      campaignId: this.o.campaignId,
      contactId: c.contactId,
      phone: c.phone,
      state: c.state,
      agentId: c.agentId,
      since: new Date(c.since).toISOString(),
    }));
  }

  call(callId: string): LiveCallView | undefined {
    return this.live().find((c) => c.callId === callId);
  }

  /** What ARI told about the call, for the attempt row; taken once, by the attempt sink. */
  takeDetail(callId: string): CallDetail | undefined {
    const d = this.details.get(callId);
    this.details.delete(callId);
    return d;
  }

  /** The agent's script answers and note, stored with the attempt when it closes. */
  annotate(callId: string, extra: Pick<CallDetail, 'answers' | 'note' | 'hungUpBy'>): void {
    const d = this.details.get(callId) ?? {};
    this.details.set(callId, { ...d, ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) });
  }

  private emit(e: CallEvent): void {
    if (this.closed) return;
    this.listener?.(e);
  }

  private setState(c: TrackedCall, state: CallStateName): void {
    c.state = state;
    try {
      this.o.onCallState?.(c.callId, state, c.agentId);
    } catch (e) {
      this.o.onError?.(e, 'call-state listener');
    }
  }

  private fail(where: string): (e: unknown) => void {
    return (e) => this.o.onError?.(e, where);
  }

  async originate(req: OriginateRequest): Promise<void> {
    if (this.closed) throw new Error('campaign dropped by this dialer');
    const lease = this.o.leaseOf(req.contactId);
    if (!lease) throw new Error(`no lease for contact ${req.contactId}`);
    const now = Date.now();
    const c: TrackedCall = {
      callId: req.callId,
      contactId: req.contactId,
      phone: req.phone,
      amd: req.amd,
      events: [],
      state: 'dialing',
      since: now,
      answered: false,
      ringingSent: false,
      agentId: lease.ownerAgentId,
      ended: false,
    };
    this.calls.set(req.callId, c);
    this.setState(c, 'dialing');
    try {
      // The row exists before Asterisk hears of the call: a crash from here on leaves a trace to reconcile.
      await this.store.insertQueued(req.callId, lease, now);
      await this.telephony.originate({
        channelId: req.callId,
        endpoint: this.o.endpointTemplate
          .replace('{number}', req.phone)
          .replace('{digits}', req.phone.replace(/^\+/, '')),
        appArgs: ['outbound', this.o.campaignId],
        ...(req.callerId ? { callerId: req.callerId } : {}),
        timeoutSeconds: req.ringTimeoutSeconds,
        formats: 'ulaw',
      });
      void this.store.patch(req.callId, { originated_at: new Date() }).catch(this.fail('patch originated'));
    } catch (e) {
      this.calls.delete(req.callId);
      this.details.set(req.callId, {
        ...this.details.get(req.callId),
        causeTxt: `originate: ${(e as Error).message}`.slice(0, 100),
      });
      throw e;
    }
  }

  private onEvent(e: TelephonyEvent): void {
    if (!('channelId' in e) || !e.channelId) return;
    const c = this.calls.get(e.channelId);
    if (!c || c.ended) return;
    c.events.push(e);
    switch (e.type) {
      case 'dial':
        if ((e.dialstatus === 'RINGING' || e.dialstatus === 'PROGRESS') && !c.ringingSent) {
          c.ringingSent = true;
          this.setState(c, 'ringing');
          void this.store.patch(c.callId, { ringing_at: new Date() }).catch(this.fail('patch ringing'));
          this.emit({ type: 'ringing', callId: c.callId });
        }
        return;
      case 'stasisStart':
        this.onStasisStart(c, e.args);
        return;
      case 'playbackFinished':
        if (e.playbackId === c.playbackId) {
          if (c.playbackTimer) clearTimeout(c.playbackTimer);
          void this.hangup(c.callId);
        }
        return;
      case 'destroyed':
        this.onDestroyed(c);
        return;
      case 'stateChange':
      case 'hangupRequest':
      case 'dtmf':
      case 'playbackStarted':
      case 'enteredBridge':
      case 'leftBridge':
      case 'stasisEnd':
      case 'recordingFinished':
      case 'recordingFailed':
        return;
    }
  }

  private onStasisStart(c: TrackedCall, args: string[]): void {
    if (args[0] === 'amd') {
      // Second StasisStart: the dialplan's AMD() verdict.
      const amd = amdVerdict(args[1]);
      c.verdictAt = Date.now();
      void this.store.patch(c.callId, { amd_at: new Date(c.verdictAt), amd_result: amd }).catch(this.fail('patch amd'));
      this.setState(c, amd === 'machine' ? 'machine' : 'answered');
      this.emit({ type: 'answered', callId: c.callId, amd });
      return;
    }
    if (c.answered) return;
    c.answered = true;
    void this.store.patch(c.callId, { answered_at: new Date() }).catch(this.fail('patch answered'));
    if (c.amd) {
      this.telephony
        .continueInDialplan({ channelId: c.callId, context: AMD_CONTEXT, extension: 's', priority: 1 })
        .catch((e: unknown) => {
          // No verdict is coming: treat the call as answered by someone unknown (the engine's unknownAmdAs).
          this.fail('amd continue')(e);
          c.verdictAt = Date.now();
          this.setState(c, 'answered');
          this.emit({ type: 'answered', callId: c.callId, amd: 'unknown' });
        });
      return;
    }
    c.verdictAt = Date.now();
    this.setState(c, 'answered');
    this.emit({ type: 'answered', callId: c.callId, amd: 'unknown' });
  }

  private onDestroyed(c: TrackedCall): void {
    c.ended = true;
    if (c.playbackTimer) clearTimeout(c.playbackTimer);
    this.calls.delete(c.callId);
    const k = classifyOutcome(c.events, { channelId: c.callId });
    const prev = this.details.get(c.callId) ?? {};
    const detail: CallDetail = {
      ...prev,
      ...(k.dialStatus ? { dialStatus: k.dialStatus } : {}),
      ...(k.cause !== undefined ? { cause: k.cause } : {}),
      ...(k.causeTxt ? { causeTxt: k.causeTxt } : {}),
      ...(prev.hungUpBy ? {} : k.hungUpBy ? { hungUpBy: k.hungUpBy } : {}),
      ...(k.outcome === 'rejected' || k.outcome === 'invalid-number' ? { outcome: k.outcome } : {}),
    };
    this.details.set(c.callId, detail);
    this.setState(c, 'ended');
    const cause = k.cause !== undefined ? String(k.cause) : undefined;
    if (!c.answered) {
      const outcome =
        k.outcome === 'busy' || k.outcome === 'no-answer' || k.outcome === 'congestion' ? k.outcome : 'failed';
      this.emit({ type: 'failed', callId: c.callId, outcome, ...(cause ? { cause } : {}) });
      return;
    }
    this.emit({ type: 'hungup', callId: c.callId, ...(cause ? { cause } : {}) });
  }

  async bridge(callId: string, agentId: string): Promise<void> {
    if (this.closed) return;
    const c = this.calls.get(callId);
    if (!c) throw new Error(`call ${callId} is gone`);
    const bridgeId = this.o.bridgeOf(agentId);
    if (!bridgeId) throw new Error(`agent ${agentId} has no bridge`);
    c.agentId = agentId;
    // One request: the agent's channel is already in their bridge.
    await this.telephony.addToBridge(bridgeId, [callId]);
    const at = Date.now();
    if (c.verdictAt !== undefined) this.o.onBridgeLatency?.(at - c.verdictAt);
    void this.store.patch(callId, { bridged_at: new Date(at), agent_id: agentId }).catch(this.fail('patch bridged'));
    if (c.ended) return;
    this.setState(c, 'bridged');
    this.emit({ type: 'bridged', callId, at });
  }

  private async playThenHangup(callId: string, what: string | undefined, kind: 'abandon' | 'machine'): Promise<void> {
    if (this.closed) return;
    const c = this.calls.get(callId);
    if (!c) return;
    this.setState(c, kind === 'abandon' ? 'abandoned' : 'machine');
    this.annotate(callId, { hungUpBy: 'system' });
    if (!what) return this.hangup(callId);
    c.playbackId = `${callId}-${kind}`;
    c.playbackTimer = setTimeout(() => void this.hangup(callId), PLAYBACK_GUARD_MS);
    c.playbackTimer.unref();
    try {
      await this.telephony.play({ target: { channelId: callId }, media: what, playbackId: c.playbackId });
    } catch (e) {
      this.fail(`${kind} message`)(e);
      await this.hangup(callId);
    }
  }

  playAbandonMessage(callId: string): Promise<void> {
    return this.playThenHangup(callId, media(this.o.abandonMessage()) ?? DEFAULT_ABANDON_MEDIA, 'abandon');
  }

  leaveMachineMessage(callId: string): Promise<void> {
    return this.playThenHangup(callId, media(this.o.machineMessage()), 'machine');
  }

  async hangup(callId: string, _cause?: string): Promise<void> {
    if (this.closed) return;
    try {
      await this.telephony.hangup(callId, 16);
    } catch (e) {
      if (!isAriError(e, 'ari-not-found')) throw e;
    }
  }
}
