import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@app/auth';
import { BriefResultsService } from './brief-results.service';
import { renderResultsPdf, type PdfLang, type ResultsPdf } from './results-pdf';

/** The PDF summary of a brief's results, for the caller (department scoped through the results service). */
@Injectable()
export class ResultsPdfService {
  private readonly log = new Logger('results-pdf');
  constructor(private readonly results: BriefResultsService) {}

  async render(p: Principal, briefId: string, lang: PdfLang): Promise<ResultsPdf> {
    const r = await this.results.results(p, briefId);
    const out = await renderResultsPdf(r, lang);
    for (const line of out.log) this.log.warn(`brief ${briefId}: ${line}`);
    return out;
  }
}
