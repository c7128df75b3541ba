import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ROLES as ALL_ROLES } from '@app/database';
import { AccountsService, type DepartmentView, type UserView } from './accounts.service';
import { CreateDepartmentDto, CreateUserDto, UpdateDepartmentDto, UpdateUserDto } from './accounts.dto';
import { CurrentUser, Roles } from './decorators';
import type { Principal } from './principal';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Roles(...ALL_ROLES)
  @Get('departments')
  listDepartments(@CurrentUser() p: Principal): Promise<DepartmentView[]> {
    return this.accounts.listDepartments(p);
  }

  @Roles(...ALL_ROLES)
  @Get('departments/:id')
  getDepartment(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<DepartmentView> {
    return this.accounts.getDepartment(p, id);
  }

  @Roles('admin')
  @Post('departments')
  createDepartment(@CurrentUser() p: Principal, @Body() dto: CreateDepartmentDto): Promise<DepartmentView> {
    return this.accounts.createDepartment(p, dto);
  }

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
  @Roles('admin')
  @Post('departments/:id/webhook-secret')
  @HttpCode(200)
  rotateWebhookSecret(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ departmentId: string; webhookSecret: string }> {
    return this.accounts.rotateWebhookSecret(p, id);
  }

  @Roles('admin', 'supervisor')
  @Get('users')
  listUsers(@CurrentUser() p: Principal): Promise<UserView[]> {
    return this.accounts.listUsers(p);
  }

  @Roles(...ALL_ROLES)
  @Get('users/:id')
  getUser(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    return this.accounts.getUser(p, id);
  }

  @Roles('admin')
  @Post('users')
  createUser(@CurrentUser() p: Principal, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.accounts.createUser(p, dto);
  }

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
