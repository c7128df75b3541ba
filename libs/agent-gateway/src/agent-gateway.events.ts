import type { ErrorCode } from '@app/common';
import type { DialingStatus } from '@app/dialer-core';
import type { AgentSessionEventMap, OfferContact } from '@app/dialer';
import type {
  AnswersPayload,
  CallbackPayload,
  DispositionPayload,
  DncPayload,
  LoginPayload,
  PausePayload,
  SkipPayload,
} from './agent-commands.dto';

// The wire contract of the /agent namespace: what the server pushes and what the agent's screen may send.
// Everything here is a plain JSON DTO; nothing from the engine crosses as it is.

/** The agent's session as the screen shows it (AgentSessionService.view, copied field by field). */
export interface AgentSessionDto {
  agentId: string;
  loggedIn: boolean;
  state: string;
  reason: string | null;
  since: string;
  campaignId: string | null;
  /** The campaign by name; `chosen` says how login picked it ('requested', or 'only-one' dialing for the agent). */
  campaign: { id: string; name: string; mode: string; state: string; chosen: string | null } | null;
  endpoint: string | null;
  call: { callId: string; state: string; phone: string | null; since: string | null } | null;
  contact: OfferContact | null;
  offer: { attemptId: string; contact: OfferContact; autoDialAt: string | null } | null;
}

/** The script of the campaign for this contact. */
export interface OfferScriptDto {
  scriptVersionId: string;
  scriptId: string;
  version: number;
  /** True: `sections` have every `{{field}}` filled from this contact by the scripts library. */
  rendered: boolean;
  /** The script's sections (ScriptBody of @app/scripts): texts, questions, branches. */
  sections: unknown[];
  /** Placeholders this contact has no value for (rendered as empty text). */
  missingFields: string[];
  /** Only when the version could not be rendered: its raw body. */
  body?: unknown;
}

export interface OfferDto {
  agentId: string;
  campaignId: string;
  /** The call id (= call_attempts.channel_id) the dial has or will have. */
  attemptId: string;
  contact: OfferContact;
  script: OfferScriptDto | null;
  /** Preview mode: the agent dials (`preview-dial`) or skips (`preview-skip`); otherwise a call being connected. */
  preview: boolean;
  autoDialAt: string | null;
}

export type CallStateDto = AgentSessionEventMap['call-state'];
export type StateDto = AgentSessionEventMap['state'];
export type ShutdownDto = AgentSessionEventMap['shutdown'];

export interface SocketErrorDto {
  error: ErrorCode;
  message: string;
}

export interface AckOk {
  ok: true;
  session: AgentSessionDto;
}

export interface AckError {
  ok: false;
  error: ErrorCode;
  message: string;
  details?: unknown;
}

export type Ack = AckOk | AckError;
type AckFn = (a: Ack) => void;

export interface InboundOfferDto {
  agentId: string;
  inboundCallId: string;
  queueId: string;
  queueName: string;
  callerNumber: string | null;
  waitSeconds: number;
  /** A kept place: the ACD called the caller back. */
  callback: boolean;
  script: OfferScriptDto | null;
}

/** The agent's inbound caller went on hold or came back (POST /api/agent/inbound/hold). */
export interface InboundHeldDto {
  inboundCallId: string;
  held: boolean;
}

/** An attended transfer's progress (POST /api/agent/inbound/consult, .../complete, .../cancel). */
export interface ConsultStateDto {
  inboundCallId: string;
  consultId: string;
  state: 'consulting' | 'completed' | 'cancelled';
  to: string;
}

export interface AgentServerEvents {
  /** Sent once after a successful connection, with the current session. */
  session: (s: AgentSessionDto) => void;
  offer: (o: OfferDto) => void;
  'call-state': (c: CallStateDto) => void;
  state: (s: StateDto) => void;
  /** While the agent is ready with no call: whether the campaign dials, and what holds it back (every few s). */
  'campaign-status': (s: DialingStatus & { campaignId: string }) => void;
  /** The dialer is stopping: no new calls; a call in progress may go on until `deadline` (then the socket closes). */
  shutdown: (s: ShutdownDto) => void;
  /** An inbound ACD call connected to the agent (caller, queue, wait, and the department's script). */
  'inbound-offer': (o: InboundOfferDto) => void;
  'inbound-held': (h: InboundHeldDto) => void;
  'consult-state': (c: ConsultStateDto) => void;
  /** The live socket is closed by the server: its user's access was revoked (`unauthenticated`), or its session could not be read. */
  error: (e: SocketErrorDto) => void;
}

export interface AgentClientEvents {
  login: (p: LoginPayload, ack: AckFn) => void;
  logout: (ack: AckFn) => void;
  ready: (ack: AckFn) => void;
  pause: (p: PausePayload, ack: AckFn) => void;
  hangup: (ack: AckFn) => void;
  disposition: (p: DispositionPayload, ack: AckFn) => void;
  answers: (p: AnswersPayload, ack: AckFn) => void;
  callback: (p: CallbackPayload, ack: AckFn) => void;
  dnc: (p: DncPayload, ack: AckFn) => void;
  'preview-dial': (ack: AckFn) => void;
  'preview-skip': (p: SkipPayload, ack: AckFn) => void;
}

/** What the gateway keeps on each socket (`socket.data`). */
export interface AgentSocketData {
  agentId?: string;
  userId?: string;
  role?: string;
  /** A supervisor or admin watching (and acting for) an agent. */
  watching?: boolean;
}

export const agentRoom = (agentId: string): string => `agent:${agentId}`;
