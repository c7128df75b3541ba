import { describe, expect, it } from '@jest/globals';
import { checkScript } from '@app/scripts';
import type { DialerConfig } from '@app/config';
import { normalisePhone } from '@app/contacts';
import { DEMO_SCRIPT_BODY, REGIONS } from './demo-seed';
import { DemoModule } from './demo.module';
import { DemoService } from './demo.service';

describe('demo', () => {
  it('seeds a script the scripts library accepts, using {{first_name}}, with two questions', () => {
    const check = checkScript(DEMO_SCRIPT_BODY, ['customer_since', 'plan']);
    expect(check.problems).toEqual([]);
    expect(check.fieldsUsed).toEqual(['first_name']);
    expect(DEMO_SCRIPT_BODY.sections.map((s) => s.questions?.length ?? 0)).toEqual([1, 1, 0]);
  });

  it('uses only numbers the contacts importer accepts, each in the region it is listed under', () => {
    const refused: string[] = [];
    for (const r of REGIONS) {
      // Every 7th number of each range, and its last (libphonenumber costs ~50 µs a number).
      for (const seq of [
        ...Array.from({ length: Math.ceil(10 ** r.digits / 7) }, (_, i) => i * 7),
        10 ** r.digits - 1,
      ]) {
        const e164 = `${r.prefix}${String(seq).padStart(r.digits, '0')}`;
        const res = normalisePhone(e164);
        if (!res.ok || res.phone.e164 !== e164 || res.phone.region !== r.region)
          refused.push(`${e164}: ${res.ok ? res.phone.region : res.reason}`);
      }
    }
    expect(refused.slice(0, 5)).toEqual([]);
  });

  it('runs nothing simulated with ARI_URL set, nor with SEED_DEMO or DEMO_DIALING off', () => {
    const base = { SEED_DEMO: true, DEMO_DIALING: true, ARI_URL: undefined } as unknown as DialerConfig;
    const providers = (c: Partial<DialerConfig>): unknown[] => DemoModule.forRoot({ ...base, ...c }).providers ?? [];
    expect(providers({})).toContain(DemoService);
    expect(providers({ ARI_URL: 'http://asterisk:8088' })).toEqual([]);
    expect(providers({ SEED_DEMO: false })).toEqual([]);
    expect(providers({ DEMO_DIALING: false })).toEqual([]);
  });
});
