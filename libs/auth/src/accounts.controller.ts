import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ROLES as ALL_ROLES, type Department } from '@app/database';
import { AccountsService, type UserView } from './accounts.service';
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
  listDepartments(@CurrentUser() p: Principal): Promise<Department[]> {
    return this.accounts.listDepartments(p);
  }

  @Roles(...ALL_ROLES)
  @Get('departments/:id')
  getDepartment(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<Department> {
    return this.accounts.getDepartment(p, id);
  }

  @Roles('admin')
  @Post('departments')
  createDepartment(@CurrentUser() p: Principal, @Body() dto: CreateDepartmentDto): Promise<Department> {
    return this.accounts.createDepartment(p, dto);
  }

  @Roles('admin')
  @Patch('departments/:id')
  updateDepartment(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDepartmentDto,
  ): Promise<Department> {
    return this.accounts.updateDepartment(p, id, dto);
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
