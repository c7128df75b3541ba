import { describe, expect, it } from '@jest/globals';
import { DESTINATION_PATTERN, destinationAllowed } from './allowed-destinations';

describe('allowed destinations', () => {
  it('allows nothing with an empty list', () => {
    expect(destinationAllowed([], '+442079460000')).toBe(false);
  });

  it('matches a prefix, with or without the + on the number', () => {
    expect(destinationAllowed(['+4420'], '+442079460000')).toBe(true);
    expect(destinationAllowed(['+4420'], '442079460000')).toBe(true);
    expect(destinationAllowed(['+4420'], '+442179460000')).toBe(false);
  });

  it('X stands for one digit, and the pattern must fit in the number', () => {
    expect(destinationAllowed(['+336XX'], '+33612')).toBe(true);
    expect(destinationAllowed(['+336XXX'], '+33612')).toBe(false);
    expect(destinationAllowed(['+3X6'], '+3369')).toBe(true);
    expect(destinationAllowed(['+3X6'], '+3469')).toBe(true);
    expect(destinationAllowed(['+3X6'], '+3479')).toBe(false);
  });

  it('accepts E.164 prefixes only', () => {
    expect(['+44', '+336XXXXXXXX'].every((p) => DESTINATION_PATTERN.test(p))).toBe(true);
    expect(['44', '+', '+44*', '+4a'].some((p) => DESTINATION_PATTERN.test(p))).toBe(false);
  });
});
