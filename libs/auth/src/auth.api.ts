import { ApiProperty } from '@nestjs/swagger';
import { EntityApiModel } from '@app/common';
import { AGENT_STATES, Department, ROLES, User } from '@app/database';

// Response models of the auth and accounts routes (the OpenAPI document; see docs/API.md).

/** A department as answered: whether a webhook secret is set, never the secret itself. */
export class DepartmentResponse extends EntityApiModel(Department, { omit: ['webhookSecret'] }) {
  @ApiProperty({ description: 'whether the department has a webhook secret (the secret is never answered)' })
  webhookSecretSet: boolean;
}

export class WebhookSecretResponse {
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({ description: 'the new secret: answered this once, never again' }) webhookSecret: string;
}

export class UserResponse extends EntityApiModel(User, { omit: ['passwordHash', 'tokenVersion'] }) {
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'further departments a planner, supervisor or QA works for (beside departmentId)',
  })
  assignedDepartmentIds: string[];
}

export class LoginUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'send as `authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: string;
  @ApiProperty({ description: 'seconds until the token expires', example: 28800 }) expiresIn: number;
  @ApiProperty({ type: LoginUserResponse }) user: LoginUserResponse;
}

export class RefreshResponse {
  @ApiProperty({ description: 'send as `authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ description: 'seconds until the token expires', example: 28800 }) expiresIn: number;
}

export class PrincipalResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({
    required: false,
    type: [String],
    format: 'uuid',
    description: 'every department the caller works for (own plus assigned); absent: the own department only',
  })
  departmentIds?: string[];
}

export class AgentProfileResponse {
  @ApiProperty({ format: 'uuid', description: 'the agent id (live views and the wallboard name agents by it)' })
  id: string;
  @ApiProperty({ format: 'uuid', description: 'the user (as in /api/users)' }) userId: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'endpoint dialled when the agent logs in without naming one',
    example: 'PJSIP/agent-1001',
  })
  endpoint: string | null;
  @ApiProperty({ type: [String], description: 'further endpoints the agent may log in on' }) endpoints: string[];
  @ApiProperty({
    type: Object,
    additionalProperties: { type: 'integer' },
    description: '{ skill: level 1..10 }',
    example: { french: 5 },
  })
  skills: Record<string, number>;
  @ApiProperty({ type: [String] }) groups: string[];
  @ApiProperty({ description: 'takes inbound calls between outbound ones' }) blended: boolean;
  @ApiProperty({ enum: AGENT_STATES }) state: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DepartmentEndpointsResponse {
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({
    type: [String],
    description: "the department's pool: endpoints any of its agents may log in on",
    example: ['PJSIP/desk-1'],
  })
  endpoints: string[];
}
