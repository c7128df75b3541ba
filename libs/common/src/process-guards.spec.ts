import { describe, expect, it } from '@jest/globals';
import { installProcessGuards, isRequestScopedError } from './process-guards';

describe('process guards', () => {
  it('tells request-scoped stream errors from the rest', () => {
    expect(isRequestScopedError(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isRequestScopedError(new Error('Unexpected end of form'))).toBe(true);
    expect(isRequestScopedError(Object.assign(new Error('x'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }))).toBe(true);
    expect(isRequestScopedError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isRequestScopedError('boom')).toBe(false);
  });

  it('logs request-scoped errors and rejections and keeps going; exits on anything else', () => {
    const logged: string[] = [];
    const exits: number[] = [];
    const remove = installProcessGuards({ error: (m) => logged.push(m) }, (c) => exits.push(c));
    try {
      process.emit('uncaughtException', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
      process.emit('unhandledRejection', new Error('nobody awaited me'), Promise.resolve());
      expect(exits).toEqual([]);
      process.emit('uncaughtException', new TypeError('a real bug'));
      expect(exits).toEqual([1]);
      expect(logged.join('\n')).toMatch(
        /keeps serving.*ECONNRESET[\s\S]*keeps serving.*nobody awaited[\s\S]*exiting.*a real bug/,
      );
    } finally {
      remove();
    }
  });
});
