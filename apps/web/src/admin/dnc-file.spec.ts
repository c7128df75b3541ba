import { describe, expect, it } from '@jest/globals';
import { numbersOf } from './dnc-file';

describe('an uploaded do-not-call file', () => {
  it('takes one number per line, the first column of a CSV, and skips a header line', () => {
    expect(numbersOf('phone,reason\r\n+8613800138000,asked\n"+8613900139000";x\n\n+8613700137000\n')).toEqual([
      '+8613800138000',
      '+8613900139000',
      '+8613700137000',
    ]);
    expect(numbersOf('+8613800138000\nnot a number\n')).toEqual(['+8613800138000', 'not a number']);
  });
});
