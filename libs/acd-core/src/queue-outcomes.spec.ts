import { describe, expect, it } from '@jest/globals';
import { outcomeCountsSql, outcomeFigures } from './queue-outcomes';

describe('queue outcomes', () => {
  it('offers every call once per queue it ends in: answered, abandoned or overflowed', () => {
    const f = outcomeFigures({ answered: 6, within: 4, abandoned: 3, short: 1, overflowed: 1 });
    expect(f).toEqual({
      offered: 10,
      answered: 6,
      answeredWithinTarget: 4,
      abandoned: 3,
      shortAbandons: 1,
      overflowed: 1,
      serviceLevel: 0.4,
      serviceLevelExcludingShortAbandons: 4 / 9,
      abandonRate: 0.3,
    });
  });

  it('answers null ratios when nothing was offered (or only short abandons)', () => {
    expect(outcomeFigures({ answered: 0, within: 0, abandoned: 0, short: 0, overflowed: 0 })).toMatchObject({
      offered: 0,
      serviceLevel: null,
      serviceLevelExcludingShortAbandons: null,
      abandonRate: null,
    });
    expect(outcomeFigures({ answered: 0, within: 0, abandoned: 2, short: 2, overflowed: 0 })).toMatchObject({
      serviceLevel: 0,
      serviceLevelExcludingShortAbandons: null,
      abandonRate: 1,
    });
  });

  it('counts every overflow event and compares the hold time with the target', () => {
    const sql = outcomeCountsSql({ event: 'e.ev', hold: 'e.h', waited: 'e.w', target: 'e.t', shortParam: '$9' });
    expect(sql).toContain(`e.ev IN ('EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITFULL')`);
    expect(sql).toContain(`e.ev = 'CONNECT' AND e.h <= e.t`);
    expect(sql).toContain(`e.ev = 'ABANDON' AND e.w < $9`);
  });
});
