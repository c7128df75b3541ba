import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ChoiceOptionSchema,
  RenderedScriptResponse,
  ScriptResponse,
  ScriptVersionResponse,
  ScriptWithVersionsResponse,
} from './scripts.api';
import { CurrentUser, Roles, type Principal } from '@app/auth';
import type { Script, ScriptVersion } from '@app/database';
import { AddVersionDto, CreateScriptDto, PreviewDto } from './scripts.dto';
import { ScriptsService, type RenderedVersion, type ScriptWithVersions } from './scripts.service';

const READERS = ['requester', 'planner', 'supervisor', 'qa', 'agent', 'admin'] as const;
/** Requesters draft their department's scripts; once a campaign uses one, only planners and admins change it. */
const EDITORS = ['requester', 'planner', 'admin'] as const;

@ApiTags('scripts')
@ApiExtraModels(ChoiceOptionSchema)
@ApiBearerAuth()
@Controller('scripts')
export class ScriptsController {
  constructor(private readonly scripts: ScriptsService) {}

  @ApiOperation({ summary: 'Create a script (optionally with its first version)' })
  @ApiCreatedResponse({ type: ScriptWithVersionsResponse })
  @Roles(...EDITORS)
  @Post()
  create(@CurrentUser() p: Principal, @Body() dto: CreateScriptDto): Promise<ScriptWithVersions> {
    return this.scripts.create(p, dto);
  }

  @ApiOperation({ summary: 'List the scripts of your departments' })
  @ApiOkResponse({ type: ScriptResponse, isArray: true })
  @Roles(...READERS)
  @Get()
  list(@CurrentUser() p: Principal): Promise<Script[]> {
    return this.scripts.list(p);
  }

  @ApiOperation({ summary: 'Read a script with all its versions' })
  @ApiOkResponse({ type: ScriptWithVersionsResponse })
  @Roles(...READERS)
  @Get(':id')
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ScriptWithVersions> {
    return this.scripts.get(p, id);
  }

  @ApiOperation({ summary: 'Add a version (checked: ids, options, branches, {{fields}})' })
  @ApiCreatedResponse({ type: ScriptVersionResponse })
  @Roles(...EDITORS)
  @Post(':id/versions')
  addVersion(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddVersionDto,
  ): Promise<ScriptVersion> {
    return this.scripts.addVersion(p, id, dto);
  }

  @ApiOperation({ summary: 'Read one version of a script' })
  @ApiOkResponse({ type: ScriptVersionResponse })
  @Roles(...READERS)
  @Get(':id/versions/:version')
  getVersion(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
  ): Promise<ScriptVersion> {
    return this.scripts.getVersion(p, id, version);
  }

  @ApiOperation({ summary: 'Render a version for a contact or for given field values' })
  @ApiOkResponse({ type: RenderedScriptResponse })
  @Roles(...READERS)
  @Post(':id/versions/:version/preview')
  @HttpCode(200)
  preview(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('version', ParseIntPipe) version: number,
    @Body() dto: PreviewDto,
  ): Promise<RenderedVersion> {
    return this.scripts.preview(p, id, version, dto);
  }
}
