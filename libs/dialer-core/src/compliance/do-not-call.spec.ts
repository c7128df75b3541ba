import { describe, expect, it } from '@jest/globals';
import { DncEntry, doNotCallPredicate, isDoNotCall } from './do-not-call';

const NOW = Date.parse('2026-05-05T12:00:00Z');
const ctx = { departmentId: 'sales', campaignId: 'spring' };
const phone = '+12125551111';

describe('do-not-call', () => {
  const cases: [string, DncEntry, boolean][] = [
    ['global', { phone, scope: { kind: 'global' } }, true],
    ['own department', { phone, scope: { kind: 'department', departmentId: 'sales' } }, true],
    ['other department', { phone, scope: { kind: 'department', departmentId: 'billing' } }, false],
    ['own campaign', { phone, scope: { kind: 'campaign', campaignId: 'spring' } }, true],
    ['other campaign', { phone, scope: { kind: 'campaign', campaignId: 'autumn' } }, false],
    ['expired', { phone, scope: { kind: 'global' }, expiresAt: NOW }, false],
    ['not yet expired', { phone, scope: { kind: 'global' }, expiresAt: NOW + 1 }, true],
    ['other number', { phone: '+12125552222', scope: { kind: 'global' } }, false],
  ];

  it.each(cases)('%s', (_name, entry, blocked) => {
    expect(isDoNotCall([entry], phone, ctx, NOW)).toBe(blocked);
    expect(doNotCallPredicate([entry], ctx)(phone, NOW)).toBe(blocked);
  });

  it('any applying entry blocks', () => {
    const entries: DncEntry[] = [
      { phone, scope: { kind: 'campaign', campaignId: 'autumn' } },
      { phone, scope: { kind: 'department', departmentId: 'sales' }, expiresAt: NOW + 1000 },
    ];
    expect(isDoNotCall(entries, phone, ctx, NOW)).toBe(true);
    expect(isDoNotCall(entries, phone, ctx, NOW + 1000)).toBe(false);
  });
});
