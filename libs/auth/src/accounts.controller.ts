import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DepartmentResponse, UserResponse } from './auth.api';
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

  @ApiOperation({ summary: 'List the departments you may see' })
  @ApiOkResponse({ type: DepartmentResponse, isArray: true })
  @Roles(...ALL_ROLES)
  @Get('departments')
  listDepartments(@CurrentUser() p: Principal): Promise<Department[]> {
    return this.accounts.listDepartments(p);
  }

  @ApiOperation({ summary: 'Read one department' })
  @ApiOkResponse({ type: DepartmentResponse })
  @Roles(...ALL_ROLES)
  @Get('departments/:id')
  getDepartment(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<Department> {
    return this.accounts.getDepartment(p, id);
  }

  @ApiOperation({ summary: 'Create a department (admin)' })
  @ApiCreatedResponse({ type: DepartmentResponse })
  @Roles('admin')
  @Post('departments')
  createDepartment(@CurrentUser() p: Principal, @Body() dto: CreateDepartmentDto): Promise<Department> {
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
  ): Promise<Department> {
    return this.accounts.updateDepartment(p, id, dto);
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
