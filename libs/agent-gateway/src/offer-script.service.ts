import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ScriptVersion } from '@app/database';
import type { OfferContact } from '@app/dialer';
import type { DataSource } from 'typeorm';
import type { OfferScriptDto } from './agent-gateway.events';

/**
 * The campaign's script version for an offer. Versions are immutable, so they are cached by id. `{{field}}`
 * substitution belongs to the scripts library (@app/scripts); until it exports a render function the agent's screen
 * gets the raw version body with `rendered: false` and fills the fields from `contact` itself.
 */
@Injectable()
export class OfferScriptService {
  private readonly cache = new Map<string, ScriptVersion | null>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async forOffer(scriptVersionId: string | null, _contact: OfferContact): Promise<OfferScriptDto | null> {
    if (!scriptVersionId) return null;
    let v = this.cache.get(scriptVersionId);
    if (v === undefined) {
      v = await this.ds.getRepository(ScriptVersion).findOne({ where: { id: scriptVersionId } });
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(scriptVersionId, v);
    }
    if (!v) return null;
    return {
      scriptVersionId: v.id,
      scriptId: v.scriptId,
      version: v.version,
      rendered: false,
      body: v.body,
      fieldsUsed: [...(v.fieldsUsed ?? [])],
    };
  }
}
