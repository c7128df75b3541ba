import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES as ALL_ROLES } from '@app/database';
import { DepartmentResponse, UserResponse, WebhookSecretResponse } from './auth.api';
import { AccountsService, type DepartmentView, type UserView } from './accounts.service';
import { CreateDepartmentDto, CreateUserDto, UpdateDepartmentDto, UpdateUserDto } from './accounts.dto';
import { CurrentUser, Roles } from './decorators';
import type { Principal } from './principal';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @ApiOperation({ summary: 'List the departments you may see' })
  @ApiOkResponse({ type: DepartmentResponse, isArray: true })
  @Roles(...ALL_ROLES)
  @Get('departments')
  listDepartments(@CurrentUser() p: Principal): Promise<DepartmentView[]> {
    return this.accounts.listDepartments(p);
  }

  @ApiOperation({ summary: 'Read one department' })
  @ApiOkResponse({ type: DepartmentResponse })
  @Roles(...ALL_ROLES)
  @Get('departments/:id')
  getDepartment(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<DepartmentView> {
    return this.accounts.getDepartment(p, id);
  }

  @ApiOperation({ summary: 'Create a department (admin)' })
  @ApiCreatedResponse({ type: DepartmentResponse })
  @Roles('admin')
  @Post('departments')
  createDepartment(@CurrentUser() p: Principal, @Body() dto: CreateDepartmentDto): Promise<DepartmentView> {
    return this.accounts.createDepartment(p, dto);
  }

  @ApiOperation({ summary: "Change a department's name or webhook (admin)" })
  @ApiOkResponse({ type: DepartmentResponse })
  @Roles('admin')
  @Patch('departments/:id')
  updateDepartment(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDepartmentDto,
  ): Promise<DepartmentView> {
    return this.accounts.updateDepartment(p, id, dto);
  }

  /** Sets a new random webhook secret and answers it this once; later responses say only `webhookSecretSet`. */
  @ApiOperation({ summary: 'Rotate the department webhook secret (admin); the new secret is answered this once' })
  @ApiOkResponse({ type: WebhookSecretResponse })
  @Roles('admin')
  @Post('departments/:id/webhook-secret')
  @HttpCode(200)
  rotateWebhookSecret(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ departmentId: string; webhookSecret: string }> {
    return this.accounts.rotateWebhookSecret(p, id);
  }

  @ApiOperation({ summary: 'List users (admins: all; supervisors: their department)' })
  @ApiOkResponse({ type: UserResponse, isArray: true })
  @Roles('admin', 'supervisor')
  @Get('users')
  listUsers(@CurrentUser() p: Principal): Promise<UserView[]> {
    return this.accounts.listUsers(p);
  }

  @ApiOperation({ summary: 'Read one user' })
  @ApiOkResponse({ type: UserResponse })
  @Roles(...ALL_ROLES)
  @Get('users/:id')
  getUser(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return this.accounts.getUser(p, id);
  }

  @ApiOperation({ summary: 'Create a user (admin)' })
  @ApiCreatedResponse({ type: UserResponse })
  @Roles('admin')
  @Post('users')
  createUser(@CurrentUser() p: Principal, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.accounts.createUser(p, dto);
  }

  @ApiOperation({ summary: "Change a user's name, password, role, department or active flag (admin)" })
  @ApiOkResponse({ type: UserResponse })
  @Roles('admin')
  @Patch('users/:id')
  updateUser(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.accounts.updateUser(p, id, dto);
  }
}
