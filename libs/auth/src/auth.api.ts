import { ApiProperty } from '@nestjs/swagger';
import { EntityApiModel } from '@app/common';
import { Department, ROLES, User } from '@app/database';

// Response models of the auth and accounts routes (the OpenAPI document; see docs/API.md).

export class DepartmentResponse extends EntityApiModel(Department) {}

export class UserResponse extends EntityApiModel(User, { omit: ['passwordHash'] }) {
  @ApiProperty({ enum: ROLES }) role: string;
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

export class PrincipalResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
}
