import { ApiProperty } from '@nestjs/swagger';
import { ROUTING_STRATEGIES } from '@app/acd-core';
import { EntityApiModel } from '@app/common';
import { Did, IvrMenu, Queue, QueueMembership } from '@app/database';

// Response models of the ACD routes (queues, memberships, DIDs, IVR menus, the agent's inbound call) for the
// OpenAPI document; see docs/API.md.

export class RelaxationStepResponse {
  @ApiProperty({ description: 'seconds of waiting after which this step applies' }) afterSeconds: number;
  @ApiProperty({ required: false, description: 'lower every required level by this much' }) lowerBy?: number;
  @ApiProperty({ required: false, type: [String], description: 'skills no longer required' }) drop?: string[];
}

export class QueueResponse extends EntityApiModel(Queue) {
  @ApiProperty({ enum: ROUTING_STRATEGIES }) strategy: string;
  @ApiProperty({
    type: Object,
    additionalProperties: { type: 'integer' },
    description: 'skill → minimum level (1..10)',
    example: { french: 3 },
  })
  requiredSkills: Record<string, number>;
  @ApiProperty({ type: [RelaxationStepResponse] }) skillRelaxation: RelaxationStepResponse[];
}

export class QueueMembershipResponse extends EntityApiModel(QueueMembership) {}

export class DidResponse extends EntityApiModel(Did) {}

export class IvrChoiceResponse {
  @ApiProperty({ required: false, format: 'uuid' }) queueId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) menuId?: string;
  @ApiProperty({ required: false }) priority?: number;
}

export class IvrAfterHoursResponse {
  @ApiProperty({ enum: ['message', 'callback-request', 'queue'] }) kind: string;
  @ApiProperty({ required: false }) prompt?: string;
  @ApiProperty({ required: false, format: 'uuid' }) queueId?: string;
}

export class IvrMenuResponse extends EntityApiModel(IvrMenu) {
  @ApiProperty({
    type: Object,
    additionalProperties: { $ref: '#/components/schemas/IvrChoiceResponse' },
    description: 'DTMF digit → where it leads (a queue or another menu)',
  })
  choices: Record<string, IvrChoiceResponse>;
  @ApiProperty({ type: IvrAfterHoursResponse, nullable: true }) afterHours: IvrAfterHoursResponse | null;
}

export class WaitingCallerResponse {
  @ApiProperty() callId: string;
  @ApiProperty({ nullable: true, type: String }) callerNumber: string | null;
  @ApiProperty() waitingSeconds: number;
  @ApiProperty() priority: number;
  @ApiProperty({ description: 'a kept place (a callback) rather than a caller on the line' }) callback: boolean;
}

export class QueueFiguresResponse {
  @ApiProperty({ format: 'uuid' }) queueId: string;
  @ApiProperty() offered: number;
  @ApiProperty() answered: number;
  @ApiProperty() answeredWithinTarget: number;
  @ApiProperty() abandoned: number;
  @ApiProperty() shortAbandons: number;
  @ApiProperty() overflowed: number;
  @ApiProperty({ nullable: true, type: Number, description: 'answered within target ÷ offered' })
  serviceLevel: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'answered within target ÷ (offered − short abandons)' })
  serviceLevelExcludingShortAbandons: number | null;
  @ApiProperty({ nullable: true, type: Number }) asaSeconds: number | null;
  @ApiProperty({ nullable: true, type: Number }) abandonRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) longestWaitSeconds: number | null;
  @ApiProperty({ description: "seconds member agents talked on this queue's calls" }) busySeconds: number;
  @ApiProperty({ description: "seconds the queue's member agents were logged in" }) loggedInSeconds: number;
  @ApiProperty({ nullable: true, type: Number, description: 'busySeconds ÷ loggedInSeconds' })
  occupancy: number | null;
}

export class QueueLiveResponse {
  @ApiProperty({ format: 'uuid' }) queueId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() waitingNow: number;
  @ApiProperty() longestWaitNowSeconds: number;
  @ApiProperty({ type: [WaitingCallerResponse] }) waiting: WaitingCallerResponse[];
  @ApiProperty({ type: QueueFiguresResponse }) today: QueueFiguresResponse;
  @ApiProperty({ type: QueueFiguresResponse }) last15Minutes: QueueFiguresResponse;
  @ApiProperty({
    type: Object,
    additionalProperties: { type: 'integer' },
    description: 'member agents by state: ready, reserved, talking (incl. inbound), wrap-up, paused, offline',
  })
  agents: Record<string, number>;
}

export class TransferAgentChoice {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'Li Na' }) name: string;
  @ApiProperty({ example: 'ready', description: "the agent's state now (only logged-in agents are listed)" })
  state: string;
}

export class TransferQueueChoice {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'sales' }) name: string;
}

export class TransferTargetsResponse {
  @ApiProperty({ type: [TransferAgentChoice] }) agents: TransferAgentChoice[];
  @ApiProperty({ type: [TransferQueueChoice] }) queues: TransferQueueChoice[];
}

export class InboundTransferResponse {
  @ApiProperty() inboundCallId: string;
  @ApiProperty({ example: 'queue:sales' }) to: string;
}

export class InboundConferenceResponse {
  @ApiProperty() inboundCallId: string;
  @ApiProperty({ description: "the conferenced party's channel" }) channelId: string;
}

export class BargeResponse {
  @ApiProperty({ description: "the supervisor's channel" }) channelId: string;
}

export class InboundHoldResponse {
  @ApiProperty() inboundCallId: string;
  @ApiProperty({ description: 'the caller is on hold now' }) held: boolean;
}

export class InboundConsultResponse {
  @ApiProperty() inboundCallId: string;
  @ApiProperty({ description: 'the attended transfer (consultation) id' }) consultId: string;
}

export class MonitorResponse {
  @ApiProperty({
    description: "the supervisor's channel (end it with DELETE /api/agents/{agentId}/monitor/{channelId})",
  })
  channelId: string;
}

export class AllowedDestinationsResponse {
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({ type: [String], description: 'E.164 prefixes, X for any one digit; empty: none allowed' })
  prefixes: string[];
}

export class CallbackRequestResponse {
  @ApiProperty({ format: 'uuid' }) inboundCallId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({ nullable: true, type: String }) callerNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) did: string | null;
  @ApiProperty({ format: 'date-time' }) arrivedAt: string;
  @ApiProperty({ nullable: true, type: String, description: "the recording's name (Asterisk's recording spool)" })
  recording: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'length of the message, once the recording finished' })
  recordedSeconds: number | null;
}
