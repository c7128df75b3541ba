import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ServerResponse } from 'node:http';
import { CurrentUser, Roles, type Principal } from '@app/auth';
import { PDF_LANGS, type PdfLang } from './results-pdf';
import { ResultsPdfService } from './results-pdf.service';

export class ResultsPdfQueryDto {
  @ApiPropertyOptional({ enum: PDF_LANGS, default: 'en', description: 'language of the labels' })
  @IsOptional()
  @IsIn(PDF_LANGS)
  lang?: PdfLang;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/briefs')
export class ResultsPdfController {
  constructor(private readonly pdf: ResultsPdfService) {}

  @Roles('requester', 'planner', 'supervisor', 'qa', 'admin')
  @ApiOperation({
    summary: "A brief's results as a PDF summary with charts",
    description:
      'Key figures, pilot against the full run, bar charts by day and by hour of day (UTC), outcomes and reasons ' +
      'for not reaching; English or Simplified Chinese (`lang=zh-CN`, with an embedded CJK font). Without a CJK ' +
      'font on the server the labels fall back to English and `x-pdf-font-fallback` says why.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'the PDF, inline',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @Get(':id/results.pdf')
  async get(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: ResultsPdfQueryDto,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const out = await this.pdf.render(p, id, q.lang ?? 'en');
    res.statusCode = 200;
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-length', String(out.pdf.length));
    res.setHeader('content-language', out.lang);
    res.setHeader('content-disposition', `inline; filename="brief-${id}-results.${out.lang}.pdf"`);
    if (out.log.length) res.setHeader('x-pdf-font-fallback', out.log.join('; ').replace(/[^\x20-\x7e]/g, '?'));
    res.end(out.pdf);
  }
}
