import { describe, expect, it } from '@jest/globals';
import { getCountries, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { normalisePhone, numberType, timeZoneForNumber } from './phone';
import { canonicalTimeZone } from './time-zones';

describe('normalisePhone', () => {
  it('reads national numbers with the list region and international ones as given', () => {
    expect(normalisePhone('07400 123456', 'GB')).toMatchObject({
      ok: true,
      phone: { e164: '+447400123456', kind: 'mobile' },
    });
    expect(normalisePhone('(201) 555-0123', 'US')).toMatchObject({ ok: true, phone: { e164: '+12015550123' } });
    expect(normalisePhone('+49 30 901820', 'GB')).toMatchObject({
      ok: true,
      phone: { e164: '+4930901820', region: 'DE' },
    });
    expect(normalisePhone('0049 30 901820', null)).toMatchObject({ ok: true, phone: { e164: '+4930901820' } });
    expect(normalisePhone('020 7946 0018', 'GB')).toMatchObject({ ok: true, phone: { kind: 'fixed-line' } });
  });

  it('says why a value is not a number', () => {
    expect(normalisePhone('', 'GB')).toEqual({ ok: false, reason: 'empty' });
    expect(normalisePhone('12', 'GB')).toEqual({ ok: false, reason: 'too short to be a phone number' });
    expect(normalisePhone('1234567890123456789', 'GB')).toEqual({ ok: false, reason: 'too long to be a phone number' });
    expect(normalisePhone('call me maybe 0123', 'GB')).toEqual({ ok: false, reason: 'contains letters' });
    const bad = normalisePhone('07000 00000', 'GB');
    expect(bad.ok).toBe(false);
    expect(normalisePhone('7400 123456', null)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no region'),
    });
  });
});

describe('timeZoneForNumber', () => {
  it('maps single-zone countries by region', () => {
    expect(timeZoneForNumber('+447400123456')).toBe('Europe/London');
    expect(timeZoneForNumber('+4930901820')).toBe('Europe/Berlin');
    expect(timeZoneForNumber('+33142685300')).toBe('Europe/Paris');
  });

  it('maps multi-zone countries by area code', () => {
    expect(timeZoneForNumber('+12125550123')).toBe('America/New_York');
    expect(timeZoneForNumber('+13125550123')).toBe('America/Chicago');
    expect(timeZoneForNumber('+14155550123')).toBe('America/Los_Angeles');
    expect(timeZoneForNumber('+16025550123')).toBe('America/Phoenix');
    expect(timeZoneForNumber('+16045550123')).toBe('America/Vancouver');
    expect(timeZoneForNumber('+61893744000')).toBe('Australia/Perth');
    expect(timeZoneForNumber('+61293744000')).toBe('Australia/Sydney');
    expect(timeZoneForNumber('+5592999999999')).toBe('America/Manaus');
    expect(timeZoneForNumber('+526641234567')).toBe('America/Tijuana');
  });

  it('gives undefined for what it cannot place', () => {
    expect(timeZoneForNumber('garbage')).toBeUndefined();
  });

  it('every zone in the tables is a real IANA zone', async () => {
    const { REGION_ZONES } = await import('./time-zones');
    for (const z of Object.values(REGION_ZONES)) expect(canonicalTimeZone(z)).toBeDefined();
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
  });
});

describe('numberType', () => {
  it('answers as libphonenumber getType() does, for every region, valid numbers and not', () => {
    let seed = 7;
    const digit = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * 10);
    };
    const kinds = new Map<string, number>();
    let compared = 0;
    for (const country of getCountries())
      for (let i = 0; i < 200; i++) {
        const length = 5 + (i % 8);
        const text = Array.from({ length }, () => digit()).join('');
        const p = parsePhoneNumberFromString(text, country);
        if (!p) continue;
        compared++;
        const expected = p.getType();
        expect([country, text, numberType(p)]).toEqual([country, text, expected]);
        kinds.set(String(expected), (kinds.get(String(expected)) ?? 0) + 1);
      }
    // Enough numbers, valid ones of many kinds among them, for the comparison to mean something.
    expect(compared).toBeGreaterThan(10_000);
    for (const kind of ['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'TOLL_FREE', 'undefined'])
      expect([kind, (kinds.get(kind) ?? 0) > 20]).toEqual([kind, true]);
  });
});
