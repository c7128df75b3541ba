import { ApiProperty } from '@nestjs/swagger';
import { EntityApiModel } from '@app/common';
import { Department, ROLES, User } from '@app/database';

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
}
