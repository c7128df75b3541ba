import { Body, Controller, Get, Injectable, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsOptional, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { canSeeDepartment, CurrentUser, Roles, type Principal } from '@app/auth';
import { notFound } from '@app/common';
import { Department, DepartmentDeliverySettings } from '@app/database';

export class DeliverySettingsDto {
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({
    type: [String],
    description: "mailed with every delivery, beside the brief's contact person and requester",
    example: ['results@sales.example.com'],
  })
  recipients: string[];
  @ApiProperty({ description: 'deliver the results so far once a UTC day while a campaign runs' })
  dailyWhileRunning: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: Date | null;
}

export class UpdateDeliverySettingsDto {
  @ApiPropertyOptional({ type: [String], example: ['results@sales.example.com'], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  recipients?: string[];

  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  dailyWhileRunning?: boolean;
}

/** A department's results delivery settings: its own mail recipients and daily results while campaigns run. */
@Injectable()
export class DeliverySettingsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private async visible(p: Principal, departmentId: string): Promise<void> {
    const exists = await this.ds.getRepository(Department).exists({ where: { id: departmentId } });
    if (!exists || !canSeeDepartment(p, departmentId)) throw notFound('department', departmentId);
  }

  async get(p: Principal, departmentId: string): Promise<DeliverySettingsDto> {
    await this.visible(p, departmentId);
    const s = await this.ds.getRepository(DepartmentDeliverySettings).findOne({ where: { departmentId } });
    return {
      departmentId,
      recipients: s?.recipients ?? [],
      dailyWhileRunning: s?.dailyWhileRunning ?? false,
      updatedAt: s?.updatedAt ?? null,
    };
  }

  async update(p: Principal, departmentId: string, dto: UpdateDeliverySettingsDto): Promise<DeliverySettingsDto> {
    const current = await this.get(p, departmentId);
    const recipients = dto.recipients
      ? [...new Set(dto.recipients.map((e) => e.trim().toLowerCase()))]
      : current.recipients;
    await this.ds.getRepository(DepartmentDeliverySettings).upsert(
      {
        departmentId,
        recipients,
        dailyWhileRunning: dto.dailyWhileRunning ?? current.dailyWhileRunning,
        updatedById: p.userId,
      },
      ['departmentId'],
    );
    return this.get(p, departmentId);
  }
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/departments')
export class DeliverySettingsController {
  constructor(private readonly settings: DeliverySettingsService) {}

  @Roles('requester', 'planner', 'supervisor', 'qa', 'admin')
  @ApiOperation({
    summary: "A department's results delivery settings",
    description: 'Its own mail recipients and whether results are delivered daily while its campaigns run.',
  })
  @ApiOkResponse({ type: DeliverySettingsDto })
  @Get(':id/delivery-settings')
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<DeliverySettingsDto> {
    return this.settings.get(p, id);
  }

  @Roles('requester', 'planner', 'admin')
  @ApiOperation({
    summary: "Change a department's results delivery settings",
    description:
      'Recipients (up to 20 e-mail addresses, replaced as a whole) are mailed with every delivery beside the ' +
      "brief's contact person and requester; `dailyWhileRunning` delivers the results so far once a UTC day " +
      "while a campaign of the department's briefs is live (pilot, review, running, paused). Fields left out keep " +
      'their value. Requesters change their own department only.',
  })
  @ApiOkResponse({ type: DeliverySettingsDto })
  @Put(':id/delivery-settings')
  update(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDeliverySettingsDto,
  ): Promise<DeliverySettingsDto> {
    return this.settings.update(p, id, dto);
  }
}
