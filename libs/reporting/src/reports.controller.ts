import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '@app/auth';
import { BriefResultsService, type BriefResults, type ContactResultsPage } from './brief-results.service';
import { BriefResultsDto, ContactResultsPageDto, ContactResultsQueryDto } from './reports.dto';

/** Who may read a brief's results: its department's requesters and the centre staff working for that department. */
const BRIEF_READERS = ['requester', 'planner', 'supervisor', 'qa', 'admin'] as const;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/briefs')
export class BriefReportsController {
  constructor(private readonly results: BriefResultsService) {}

  @Roles(...BRIEF_READERS)
  @ApiOperation({
    summary: "A brief's results across all its campaigns and pilot rounds",
    description:
      'Contacts, reached, successful, not reached by reason, attempts per contact, outcomes, dispositions, script ' +
      'answers per question, by day and hour (UTC), pilot against the full run, and whether the deadline was met.',
  })
  @ApiOkResponse({ type: BriefResultsDto })
  @Get(':id/results')
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<BriefResults> {
    return this.results.results(p, id);
  }

  @Roles(...BRIEF_READERS)
  @ApiOperation({
    summary: "A brief's contacts with their result and every attempt",
    description: 'Paged; each attempt with time, outcome, agent, disposition, script answers and note.',
  })
  @ApiOkResponse({ type: ContactResultsPageDto })
  @Get(':id/contacts')
  contacts(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: ContactResultsQueryDto,
  ): Promise<ContactResultsPage> {
    return this.results.contacts(p, id, q.page ?? 1, q.pageSize ?? 50, q.search);
  }
}
