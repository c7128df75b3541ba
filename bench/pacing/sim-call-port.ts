import type { CallEvent, CallPort, OriginateRequest } from '@app/dialer-core';
import { wallTime } from '@app/dialer-core';
import { fateForNumber, PopulationModel } from '@app/population';
import { SimClock } from './sim-clock';

interface SimCall {
  req: OriginateRequest;
  talkSeconds: number;
  ended: boolean;
}

/**
 * The called population behind a CallPort, in simulated time. Each dial's fate comes from the shared population
 * model, seeded by number and attempt, so every pacing mode meets the same people behaving the same way.
 */
export class SimCallPort implements CallPort {
  private listener: (e: CallEvent) => void = () => undefined;
  private readonly calls = new Map<string, SimCall>();
  private readonly attempts = new Map<string, number>();
  dials = 0;

  constructor(
    private readonly clock: SimClock,
    private readonly model: PopulationModel,
    private readonly seed: number,
    private readonly bridgeSeconds: number,
    private readonly zoneOf: (phone: string) => string,
    private readonly hourly: boolean,
  ) {}

  subscribe(listener: (e: CallEvent) => void): void {
    this.listener = listener;
  }

  private emit(delaySeconds: number, e: CallEvent): void {
    this.clock.setTimer(delaySeconds * 1000, () => {
      const c = this.calls.get(e.callId);
      if (!c || c.ended) return;
      if (e.type === 'hungup' || e.type === 'failed') {
        c.ended = true;
        this.calls.delete(e.callId);
      }
      this.listener({ ...e, at: this.clock.now() });
    });
  }

  originate(req: OriginateRequest): void {
    this.dials++;
    const attempt = (this.attempts.get(req.phone) ?? 0) + 1;
    this.attempts.set(req.phone, attempt);
    const localHour = this.hourly ? wallTime(this.zoneOf(req.phone), this.clock.now()).seconds / 3600 : undefined;
    const fate = fateForNumber(this.model, this.seed, req.phone, attempt, localHour);
    const call: SimCall = { req, talkSeconds: fate.talkSeconds ?? 0, ended: false };
    this.calls.set(req.callId, call);
    const timeout = req.ringTimeoutSeconds;
    const id = req.callId;
    this.emit(Math.min(0.5, fate.ringSeconds), { type: 'ringing', callId: id });
    switch (fate.kind) {
      case 'human':
      case 'machine':
        if (fate.ringSeconds > timeout) this.emit(timeout, { type: 'failed', callId: id, outcome: 'no-answer' });
        else this.emit(fate.ringSeconds, { type: 'answered', callId: id, amd: fate.kind });
        return;
      case 'noanswer':
        this.emit(timeout, { type: 'failed', callId: id, outcome: 'no-answer' });
        return;
      case 'busy':
        this.emit(Math.min(timeout, fate.ringSeconds), { type: 'failed', callId: id, outcome: 'busy' });
        return;
      case 'invalid':
      case 'rejected':
      case 'congestion':
        this.emit(Math.min(timeout, fate.ringSeconds), { type: 'failed', callId: id, outcome: 'failed' });
        return;
    }
  }

  bridge(callId: string, _agentId: string): void {
    const c = this.calls.get(callId);
    if (!c) return;
    this.emit(this.bridgeSeconds, { type: 'bridged', callId });
    // The person talks for their drawn time once connected, then hangs up.
    this.emit(this.bridgeSeconds + c.talkSeconds, { type: 'hungup', callId, cause: 'normal' });
  }

  playAbandonMessage(callId: string): void {
    this.emit(5, { type: 'hungup', callId, cause: 'abandon-message' });
  }

  leaveMachineMessage(callId: string): void {
    this.emit(25, { type: 'hungup', callId, cause: 'machine-message' });
  }

  hangup(callId: string): void {
    this.emit(0, { type: 'hungup', callId, cause: 'dialer' });
  }
}
