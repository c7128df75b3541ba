import { describe, expect, it } from '@jest/globals';
import { SYSTEM_DISPOSITION_BY_OUTCOME, SYSTEM_DISPOSITIONS, systemDispositionFor } from '@app/campaigns';
import { ATTEMPT_OUTCOMES } from '@app/database';

// Every attempt the dialer closes without an agent's disposition gets the system's (pg-attempt-sink): each stored
// outcome needs its own code, and each code must be a system disposition of the campaign.
describe('system dispositions', () => {
  it('has one for every attempt outcome, all of them listed as system dispositions', () => {
    const codes = new Set(SYSTEM_DISPOSITIONS.map((d) => d.code));
    for (const outcome of ATTEMPT_OUTCOMES) {
      const code = SYSTEM_DISPOSITION_BY_OUTCOME[outcome];
      expect([outcome, code !== undefined && codes.has(code)]).toEqual([outcome, true]);
    }
  });

  it('maps the network outcomes apart', () => {
    expect(systemDispositionFor('congestion')).toEqual({
      code: 'CONGESTION',
      label: 'Network congestion',
      category: 'no-contact',
    });
    expect(systemDispositionFor('busy').code).toBe('BUSY');
    expect(systemDispositionFor('invalid-number').code).toBe('INVALID_NUMBER');
    expect(systemDispositionFor('something-new').code).toBe('FAILED');
  });
});
