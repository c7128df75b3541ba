import { EventEmitter } from 'node:events';
import type { AgentStateKind } from '@app/dialer-core';
import type { CallStateName } from './ari-call-port';

/** The contact an agent is about to talk to (preview) or is talking to, as shown on the agent's screen. */
export interface OfferContact {
  id: string;
  firstName: string | null;
  lastName: string | null;
  /** The number being dialed (E.164). */
  phone: string;
  timeZone: string;
  /** The list's custom fields, used by the script's `{{field}}` substitutions. */
  fields: Record<string, unknown>;
}

export interface AgentSessionEventMap {
  /**
   * A contact for the agent: in preview mode before the dial (the agent dials or skips; `autoDialAt` when the
   * campaign dials by itself after a delay), in the other modes when a call is being connected to the agent.
   * `attemptId` is the call id (= call_attempts.channel_id) the dial has or will have.
   */
  offer: {
    agentId: string;
    campaignId: string;
    attemptId: string;
    scriptVersionId: string | null;
    contact: OfferContact;
    preview: boolean;
    autoDialAt?: string;
  };
  /** Progress of the agent's current call: dialing, ringing, answered, bridged, abandoned, machine, ended. */
  'call-state': { agentId: string; campaignId: string; callId: string; state: CallStateName; at: string };
  /** An inbound ACD call connected to the agent: caller, queue, wait and the department's script. */
  'inbound-offer': {
    agentId: string;
    inboundCallId: string;
    queueId: string;
    queueName: string;
    callerNumber: string | null;
    waitSeconds: number;
    departmentId: string;
    scriptVersionId: string | null;
    callback: boolean;
  };
  /** The agent's inbound caller went on hold (out of the agent's bridge, with music) or came back. */
  'inbound-held': { agentId: string; inboundCallId: string; held: boolean };
  /** An attended transfer of the agent's inbound caller (sent to the consulting and the consulted agent). */
  'consult-state': {
    agentId: string;
    inboundCallId: string;
    consultId: string;
    state: 'consulting' | 'completed' | 'cancelled';
    to: string;
  };
  /** The agent's state changed (as persisted in agents.state). */
  state: {
    agentId: string;
    campaignId: string | null;
    state: AgentStateKind;
    reason: string | null;
    since: string;
    callId: string | null;
  };
  /**
   * The dialer is stopping (SIGTERM/SIGINT): no new calls from now; a call in progress may finish until `deadline`,
   * when it is ended and the session closed. Sent to every agent's screen once.
   */
  shutdown: { deadline: string; drainSeconds: number; message: string };
}

export type AgentSessionEventName = keyof AgentSessionEventMap;

/**
 * Typed events of agent sessions, for the `/agent` socket gateway: `events.on('offer', (p) => ...)` returns an
 * unsubscribe function. Payloads are plain DTOs, safe to send as they are.
 */
export class AgentSessionEvents {
  private readonly ee = new EventEmitter();

  constructor() {
    this.ee.setMaxListeners(0);
  }

  on<K extends AgentSessionEventName>(event: K, listener: (payload: AgentSessionEventMap[K]) => void): () => void {
    this.ee.on(event, listener);
    return () => this.ee.off(event, listener);
  }

  emit<K extends AgentSessionEventName>(event: K, payload: AgentSessionEventMap[K]): void {
    // A throwing listener (a gateway bug) must not break the dialer's own flow.
    for (const l of this.ee.listeners(event)) {
      try {
        (l as (p: AgentSessionEventMap[K]) => void)(payload);
      } catch {
        /* ignored */
      }
    }
  }
}
