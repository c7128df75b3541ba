import { describe, expect, it } from '@jest/globals';
import { AppError } from '@app/common';
import { fieldKey, planColumns, splitNumbers } from './columns';
import { csvLine, neutraliseFormula } from './csv-safety';

describe('planColumns', () => {
  it('detects columns by header synonyms, case and space insensitive', () => {
    const p = planColumns([
      'Customer ID',
      'Given Name',
      'SURNAME',
      'Mobile',
      'Phone 2',
      'TZ',
      'Segment',
      'Balance (EUR)',
    ]);
    expect(p.externalId).toBe(0);
    expect(p.firstName).toBe(1);
    expect(p.lastName).toBe(2);
    expect(p.phones.map((x) => x.index)).toEqual([3, 4]);
    expect(p.timeZone).toBe(5);
    expect(p.segment).toBe(6);
    expect(p.custom).toEqual([{ index: 7, key: 'balance_eur', header: 'Balance (EUR)' }]);
  });

  it('recognises Chinese headers, numbered phones and full-width forms, and maps any Unicode header', () => {
    const p = planColumns(['客户编号', '姓名', '手机号：', '电话2', '时区', '邮箱', '客户等级', 'ＴＥＬ']);
    expect(p.externalId).toBe(0);
    expect(p.name).toBe(1);
    expect(p.phones.map((x) => x.index)).toEqual([2, 7, 3]);
    expect(p.timeZone).toBe(4);
    expect(p.custom).toEqual([
      { index: 5, key: 'email', header: '邮箱' },
      { index: 6, key: '客户等级', header: '客户等级' },
    ]);
    const mapped = planColumns(['名称', '座机号'], { phone: '座机号', name: '名称' });
    expect(mapped.used).toEqual({ phone: ['座机号'], name: '名称' });
    expect(fieldKey('Account Balance (EUR)')).toBe('account_balance_eur');
  });

  it('orders phone1..phoneN by their number', () => {
    const p = planColumns(['phone3', 'phone1', 'phone2', 'first_name']);
    expect(p.phones.map((x) => x.index)).toEqual([1, 2, 0]);
  });

  it('uses an explicit mapping and detects the rest', () => {
    const p = planColumns(['Kundennummer', 'Rufnummer', 'Vorname'], { phone: 'Rufnummer', externalId: 'kundennummer' });
    expect(p.phones.map((x) => x.index)).toEqual([1]);
    expect(p.externalId).toBe(0);
    expect(p.firstName).toBe(2);
  });

  it('names the missing phone column and the headers found', () => {
    try {
      planColumns(['first_name', 'email']);
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).message).toContain('headers found: first_name, email');
      expect((e as AppError).details).toMatchObject([expect.objectContaining({ field: 'phone' })]);
    }
  });

  it('refuses a mapping to a header that is not there', () => {
    expect(() => planColumns(['a', 'b'], { phone: 'c' })).toThrow(/mapping does not match/);
  });

  it('splits several numbers in one cell and makes field keys', () => {
    expect(splitNumbers('0740 0123456; 020 7946 0018 | +33 1 42 68 53 00')).toEqual([
      '0740 0123456',
      '020 7946 0018',
      '+33 1 42 68 53 00',
    ]);
    expect(fieldKey(' Account Balance (EUR) ')).toBe('account_balance_eur');
  });
});

describe('formula neutralisation', () => {
  it('prefixes cells that a spreadsheet would run', () => {
    for (const v of ['=1+1', '+cmd', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(v)).toBe(`'${v}`);
    expect(neutraliseFormula('plain')).toBe('plain');
    expect(csvLine(['=HYPERLINK("x")', 'a,b', null, 3])).toBe(`"'=HYPERLINK(""x"")","a,b",,3\r\n`);
  });
});
