import { describe, expect, it } from '@jest/globals';
import { defaultPopulation } from '@app/population';
import { decideBehaviour, parseEndpoint } from './sim-behaviour';

describe('parseEndpoint', () => {
  const none = new Set<string>();
  it('reads carrier numbers in the usual PJSIP shapes', () => {
    expect(parseEndpoint('PJSIP/+33612345678@carrier', none)).toMatchObject({
      tech: 'PJSIP',
      number: '+33612345678',
      nameBase: 'carrier',
    });
    expect(parseEndpoint('PJSIP/carrier/sip:0612@10.0.0.1', none)).toMatchObject({
      number: '0612',
      nameBase: 'carrier',
    });
    expect(parseEndpoint('PJSIP/0612', none)).toMatchObject({ number: '0612', fixed: undefined });
  });
  it('knows the test outcomes, the SIPp peers and agents', () => {
    expect(parseEndpoint('Local/busy@dialer-test', none)?.fixed).toEqual({ outcome: 'busy' });
    expect(parseEndpoint('Local/busy@elsewhere', none)?.fixed).toBeUndefined();
    expect(parseEndpoint('PJSIP/sip-busy', none)?.fixed).toEqual({ outcome: 'busy' });
    expect(parseEndpoint('Local/agent-3@agents', none)?.fixed).toEqual({ outcome: 'agent' });
    expect(parseEndpoint('PJSIP/alice', new Set(['PJSIP/alice']))?.fixed).toEqual({ outcome: 'agent' });
  });
  it('rejects technologies we do not simulate', () => {
    expect(parseEndpoint('IAX2/foo', none)).toBeUndefined();
    expect(parseEndpoint('nonsense', none)).toBeUndefined();
  });
});

describe('decideBehaviour', () => {
  it('gives the same number on the same attempt the same fate, whatever the order', () => {
    const model = defaultPopulation();
    const numbers = Array.from({ length: 30 }, (_, i) => `+3361000${i}`);
    const decide = (n: string, attempt: number) =>
      decideBehaviour(parseEndpoint(`PJSIP/${n}@carrier`, new Set())!, new Map(), model, 9, attempt);
    const a = numbers.map((n) => decide(n, 1));
    const b = [...numbers].reverse().map((n) => decide(n, 1));
    expect(b.reverse()).toEqual(a);
    expect(new Set(a.map((x) => x.outcome)).size).toBeGreaterThan(1);
  });
  it('prefers a configured per-number behaviour', () => {
    const parsed = parseEndpoint('PJSIP/0612@carrier', new Set())!;
    const b = decideBehaviour(parsed, new Map([['0612', { outcome: 'machine' as const }]]), undefined, 1, 1);
    expect(b).toMatchObject({ outcome: 'machine', ringSeconds: 2, amdVerdict: 'MACHINE' });
  });
});
