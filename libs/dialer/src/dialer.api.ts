import { ApiProperty } from '@nestjs/swagger';
import { AGENT_STATES, CAMPAIGN_MODES, CAMPAIGN_STATES, DISPOSITION_CATEGORIES } from '@app/database';

// Response models of the agent-session and live-view routes, for the OpenAPI document.

const free = { type: Object, additionalProperties: true } as const;

export class OfferContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) firstName: string | null;
  @ApiProperty({ nullable: true, type: String }) lastName: string | null;
  @ApiProperty({ description: 'the number being dialed (E.164)', example: '+447700900123' }) phone: string;
  @ApiProperty({ example: 'Europe/London' }) timeZone: string;
  @ApiProperty({ ...free, description: 'custom fields of the list' }) fields: Record<string, unknown>;
}

export class OfferResponse {
  @ApiProperty({ description: 'the call id the dial has or will have' }) attemptId: string;
  @ApiProperty({ type: OfferContactResponse }) contact: OfferContactResponse;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) autoDialAt: string | null;
}

export class AgentCallResponse {
  @ApiProperty() callId: string;
  @ApiProperty({ required: false, format: 'uuid' }) campaignId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) contactId?: string;
  @ApiProperty({ required: false }) phone?: string;
  @ApiProperty({ description: 'dialing, ringing, answered, bridged, ... or wrap-up' }) state: string;
  @ApiProperty({ required: false, nullable: true, type: String }) agentId?: string | null;
  @ApiProperty({ required: false, format: 'date-time' }) since?: string;
}

export class AgentCampaignResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CAMPAIGN_MODES }) mode: string;
  @ApiProperty({ enum: CAMPAIGN_STATES }) state: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['requested', 'only-one'],
    description:
      'how it was chosen at login: requested (the login named it) or only-one (the only campaign dialing for the agent)',
  })
  chosen: string | null;
}

export class AgentSessionResponse {
  @ApiProperty({ format: 'uuid' }) agentId: string;
  @ApiProperty() loggedIn: boolean;
  @ApiProperty({ enum: AGENT_STATES }) state: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) campaignId: string | null;
  @ApiProperty({ type: AgentCampaignResponse, nullable: true, description: 'the campaign the agent works on, by name' })
  campaign: AgentCampaignResponse | null;
  @ApiProperty({ nullable: true, type: String, example: 'PJSIP/agent-1001' }) endpoint: string | null;
  @ApiProperty({ nullable: true, type: String }) channelId: string | null;
  @ApiProperty({ nullable: true, type: String }) bridgeId: string | null;
  @ApiProperty({ type: AgentCallResponse, nullable: true, description: 'the call reserved, talking or wrapping up' })
  call: AgentCallResponse | null;
  @ApiProperty({ type: OfferContactResponse, nullable: true }) contact: OfferContactResponse | null;
  @ApiProperty({ type: OfferResponse, nullable: true, description: 'a preview offer' }) offer: OfferResponse | null;
}

export class LiveCallResponse {
  @ApiProperty() callId: string;
  @ApiProperty({ format: 'uuid' }) contactId: string;
  @ApiProperty() calledNumber: string;
  @ApiProperty({ nullable: true, type: String }) agentId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "that agent's display name (as in /api/users)" })
  agentName: string | null;
  @ApiProperty({ description: 'dialing, ringing, answered, bridged, abandoned, machine' }) state: string;
  @ApiProperty({ format: 'date-time' }) since: string;
}

export class LiveAgentResponse {
  @ApiProperty({ format: 'uuid', description: 'the agent profile (what /api/agent/* and the sockets use)' })
  agentId: string;
  @ApiProperty({ format: 'uuid', description: 'the same person in /api/users' }) userId: string;
  @ApiProperty({ description: 'display name' }) name: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: AGENT_STATES }) state: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) since: string;
}

export class LiveAgentsResponse {
  @ApiProperty({ type: Object, additionalProperties: { type: 'integer' } }) byState: Record<string, number>;
  @ApiProperty({ type: [LiveAgentResponse] }) list: LiveAgentResponse[];
}

export class LiveDialsResponse {
  @ApiProperty() total: number;
  @ApiProperty() last15Minutes: number;
}

export class AbandonRateResponse {
  @ApiProperty() run: number;
  @ApiProperty() window: number;
  @ApiProperty() windowHours: number;
  @ApiProperty() cap: number;
}

export class BridgeLatencyResponse {
  @ApiProperty() count: number;
  @ApiProperty({ nullable: true, type: Number }) p50: number | null;
  @ApiProperty({ nullable: true, type: Number }) p95: number | null;
  @ApiProperty({ nullable: true, type: Number }) max: number | null;
}

export class HoldReasonResponse {
  @ApiProperty({
    enum: [
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
    ],
  })
  code: string;
  @ApiProperty({ example: 'outside every contact calling window until 09:00 Europe/London' }) message: string;
  @ApiProperty({ required: false, format: 'date-time', description: 'when this reason stops holding it back' })
  until?: string;
  @ApiProperty({ required: false, ...free }) details?: Record<string, unknown>;
}

export class DialingStatusResponse {
  @ApiProperty({ description: 'true when nothing holds the campaign back: it dials (or is about to) now' })
  dialing: boolean;
  @ApiProperty({ description: 'one sentence: what it does, or the first reason it does not' }) summary: string;
  @ApiProperty({ type: [HoldReasonResponse] }) reasons: HoldReasonResponse[];
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'when the first contact can next be called',
  })
  nextCallableAt: string | null;
  @ApiProperty({ format: 'date-time' }) computedAt: string;
}

export class CampaignLiveResponse {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty() state: string;
  @ApiProperty() mode: string;
  @ApiProperty({ nullable: true, type: String, description: 'the dialer process running it' }) runner: string | null;
  @ApiProperty({ type: [LiveCallResponse] }) liveCalls: LiveCallResponse[];
  @ApiProperty({ type: LiveAgentsResponse }) agents: LiveAgentsResponse;
  @ApiProperty({ type: LiveDialsResponse }) dials: LiveDialsResponse;
  @ApiProperty({ type: Object, additionalProperties: { type: 'integer' }, description: 'contacts per status' })
  contacts: Record<string, number>;
  @ApiProperty() answeredByPerson: number;
  @ApiProperty() abandoned: number;
  @ApiProperty({ type: AbandonRateResponse }) abandonRate: AbandonRateResponse;
  @ApiProperty({ type: BridgeLatencyResponse, nullable: true }) bridgeLatencyMs: BridgeLatencyResponse | null;
  @ApiProperty({ type: DialingStatusResponse, description: 'whether it dials now, and if not what holds it back' })
  dialing: DialingStatusResponse;
}

export class AgentDispositionResponse {
  @ApiProperty({ example: 'SALE' }) code: string;
  @ApiProperty({ example: 'Sale' }) label: string;
  @ApiProperty({ enum: DISPOSITION_CATEGORIES }) category: string;
}
