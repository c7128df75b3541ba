import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScriptVersion } from '@app/database';
import type { OfferContact } from '@app/dialer';
import { ScriptsService } from '@app/scripts';
import type { DataSource } from 'typeorm';
import type { OfferScriptDto } from './agent-gateway.events';

/**
 * The campaign's script version for an offer, rendered for this contact by the scripts library (`{{field}}` filled
 * from the contact's standard and custom fields). Versions are immutable, so they are cached by id. A body the
 * library cannot render (stored before it validated bodies) goes out raw with `rendered: false`.
 */
@Injectable()
export class OfferScriptService {
  private readonly log = new Logger('agent-gateway');
  private readonly cache = new Map<string, ScriptVersion | null>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ScriptsService) private readonly scripts: ScriptsService,
  ) {}

  async forOffer(scriptVersionId: string | null, contact: OfferContact): Promise<OfferScriptDto | null> {
    if (!scriptVersionId) return null;
    let v = this.cache.get(scriptVersionId);
    if (v === undefined) {
      v = await this.ds.getRepository(ScriptVersion).findOne({ where: { id: scriptVersionId } });
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(scriptVersionId, v);
    }
    if (!v) return null;
    const base = { scriptVersionId: v.id, scriptId: v.scriptId, version: v.version };
    try {
      // The offer carries no external id, region or segment: read them for scripts that use them.
      const rows: { external_id: string | null; region: string | null; segment: string | null }[] = await this.ds.query(
        `SELECT external_id, region, segment FROM contacts WHERE id = $1`,
        [contact.id],
      );
      const r = this.scripts.render(v, {
        firstName: contact.firstName,
        lastName: contact.lastName,
        phone: contact.phone,
        timeZone: contact.timeZone,
        externalId: rows[0]?.external_id ?? null,
        region: rows[0]?.region ?? null,
        segment: rows[0]?.segment ?? null,
        fields: contact.fields,
      });
      return JSON.parse(
        JSON.stringify({ ...base, rendered: true, sections: r.sections, missingFields: r.missingFields }),
      ) as OfferScriptDto;
    } catch (e) {
      this.log.warn(`script version ${v.id} could not be rendered: ${(e as Error).message}`);
      return JSON.parse(
        JSON.stringify({ ...base, rendered: false, sections: [], missingFields: [], body: v.body }),
      ) as OfferScriptDto;
    }
  }
}
