import { describe, expect, it } from '@jest/globals';
import { destination } from './destination';

describe('a transfer destination', () => {
  it('is agent:<id>, queue:<id> or number:<e164>, and null until complete', () => {
    expect(destination('agent', ' 3f2c ')).toBe('agent:3f2c');
    expect(destination('queue', 'q1')).toBe('queue:q1');
    expect(destination('number', '+8613800138000')).toBe('number:+8613800138000');
    expect(destination('number', '13800138000')).toBeNull();
    expect(destination('agent', '  ')).toBeNull();
  });
});
