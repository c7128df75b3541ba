import { describe, expect, it } from '@jest/globals';
import { QueueDef, RoutingStrategy, relaxedRequirements } from './queue-model';
import { AcdRouter } from './router';

const T0 = 1_000_000;

function queue(id: string, strategy: RoutingStrategy = 'longest-idle', extra: Partial<QueueDef> = {}): QueueDef {
  return { id, strategy, requiredSkills: {}, relaxation: [], weight: 1, targetSeconds: 20, ...extra };
}

function router(strategy: RoutingStrategy, agents = ['a', 'b', 'c'], random?: () => number): AcdRouter {
  const r = new AcdRouter({ random });
  r.setQueue(queue('q', strategy));
  agents.forEach((id, i) => r.setAgent({ id, skills: {}, memberships: [{ queueId: 'q', penalty: 0 }] }) ?? i);
  return r;
}

/** Sends n callers one after the other; every agent is free again before the next call. */
function takers(r: AcdRouter, n: number, free: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    r.enqueue({ id: `c${i}`, queueId: 'q', enteredAt: T0 + i * 1000, priority: 0 });
    const asg = r.routeCaller(`c${i}`, T0 + i * 1000);
    out.push(asg!.agentId);
    r.setAvailable(asg!.agentId, true, T0 + i * 1000 + 1);
    void free;
  }
  return out;
}

describe('AcdRouter strategies', () => {
  it('longest idle takes the agent free the longest', () => {
    const r = router('longest-idle');
    r.setAvailable('b', true, T0 - 3000);
    r.setAvailable('a', true, T0 - 2000);
    r.setAvailable('c', true, T0 - 1000);
    expect(takers(r, 3, [])).toEqual(['b', 'a', 'c']);
  });

  it('round robin remembers the last agent and goes on from there', () => {
    const r = router('round-robin', ['a', 'b', 'c', 'd']);
    for (const id of ['a', 'b', 'c', 'd']) r.setAvailable(id, true, T0 - 5000);
    expect(takers(r, 6, [])).toEqual(['a', 'b', 'c', 'd', 'a', 'b']);
    // b is busy now: the next call skips it and goes to c
    r.setAvailable('c', false, T0);
    r.enqueue({ id: 'x', queueId: 'q', enteredAt: T0 + 10_000, priority: 0 });
    expect(r.routeCaller('x', T0 + 10_000)!.agentId).toBe('d');
  });

  it('fewest calls evens out the count per queue', () => {
    const r = router('fewest-calls');
    for (const id of ['a', 'b', 'c']) r.setAvailable(id, true, T0 - 1000);
    const seq = takers(r, 6, []);
    const count = (id: string): number => seq.filter((x) => x === id).length;
    expect([count('a'), count('b'), count('c')]).toEqual([2, 2, 2]);
    expect(r.callsTaken('a', 'q')).toBe(2);
  });

  it('random uses the given source', () => {
    const r = router('random', ['a', 'b', 'c'], () => 0.99);
    for (const id of ['a', 'b', 'c']) r.setAvailable(id, true, T0 - 1000);
    r.enqueue({ id: 'x', queueId: 'q', enteredAt: T0, priority: 0 });
    expect(r.routeCaller('x', T0)!.agentId).toBe('c');
  });

  it('linear always offers in membership order (penalty first)', () => {
    const r = new AcdRouter();
    r.setQueue(queue('q', 'linear'));
    r.setAgent({ id: 'late', skills: {}, memberships: [{ queueId: 'q', penalty: 1 }] });
    r.setAgent({ id: 'first', skills: {}, memberships: [{ queueId: 'q', penalty: 0 }] });
    r.setAgent({ id: 'second', skills: {}, memberships: [{ queueId: 'q', penalty: 0 }] });
    for (const id of ['late', 'first', 'second']) r.setAvailable(id, true, T0 - 1000);
    expect(takers(r, 3, [])).toEqual(['first', 'first', 'first']);
    r.setAvailable('first', false, T0);
    r.enqueue({ id: 'y', queueId: 'q', enteredAt: T0, priority: 0 });
    expect(r.routeCaller('y', T0)!.agentId).toBe('second');
  });

  it('skills-based prefers the best skill match', () => {
    const r = new AcdRouter();
    r.setQueue(queue('q', 'skills-based', { requiredSkills: { fr: 3 } }));
    r.setAgent({ id: 'ok', skills: { fr: 4 }, memberships: [{ queueId: 'q', penalty: 0 }] });
    r.setAgent({ id: 'best', skills: { fr: 9 }, memberships: [{ queueId: 'q', penalty: 0 }] });
    r.setAvailable('ok', true, T0 - 9000);
    r.setAvailable('best', true, T0 - 1000);
    r.enqueue({ id: 'x', queueId: 'q', enteredAt: T0, priority: 0 });
    expect(r.routeCaller('x', T0)!.agentId).toBe('best');
  });
});

describe('skills and relaxation', () => {
  const q = queue('q', 'longest-idle', {
    requiredSkills: { es: 7, billing: 3 },
    relaxation: [
      { afterSeconds: 30, lowerBy: 2 },
      { afterSeconds: 60, drop: ['billing'] },
    ],
  });

  it('relaxes levels step by step', () => {
    expect(relaxedRequirements(q, 0)).toEqual({ es: 7, billing: 3 });
    expect(relaxedRequirements(q, 30)).toEqual({ es: 5, billing: 1 });
    expect(relaxedRequirements(q, 61)).toEqual({ es: 5 });
  });

  it('a caller reaches a less skilled agent only after waiting, via dispatch', () => {
    const r = new AcdRouter();
    r.setQueue(q);
    r.setAgent({ id: 'junior', skills: { es: 5 }, memberships: [{ queueId: 'q', penalty: 0 }] });
    r.setAvailable('junior', true, T0);
    r.enqueue({ id: 'x', queueId: 'q', enteredAt: T0, priority: 0 });
    expect(r.routeCaller('x', T0)).toBeUndefined();
    expect(r.dispatch(T0 + 40_000)).toEqual([]);
    const asg = r.dispatch(T0 + 60_000);
    expect(asg.map((a) => [a.callerId, a.agentId])).toEqual([['x', 'junior']]);
    expect(asg[0].waitedMs).toBe(60_000);
  });
});

describe('order, priority and shared agents', () => {
  it('a VIP jumps the line inside the queue', () => {
    const r = router('longest-idle', ['a']);
    r.enqueue({ id: 'n1', queueId: 'q', enteredAt: T0, priority: 0 });
    r.enqueue({ id: 'n2', queueId: 'q', enteredAt: T0 + 1, priority: 0 });
    r.enqueue({ id: 'vip', queueId: 'q', enteredAt: T0 + 2, priority: 5 });
    expect(r.position('vip')).toBe(1);
    expect(r.position('n2')).toBe(3);
    r.setAvailable('a', true, T0 + 10);
    expect(r.routeAgent('a', T0 + 10)!.callerId).toBe('vip');
  });

  it('an agent in several queues takes the caller who waited longest relative to the target', () => {
    const r = new AcdRouter();
    r.setQueue(queue('fast', 'longest-idle', { targetSeconds: 10 }));
    r.setQueue(queue('slow', 'longest-idle', { targetSeconds: 60 }));
    r.setAgent({
      id: 'a',
      skills: {},
      memberships: [
        { queueId: 'fast', penalty: 0 },
        { queueId: 'slow', penalty: 0 },
      ],
    });
    r.enqueue({ id: 'slow1', queueId: 'slow', enteredAt: T0, priority: 0 }); // 40 s of 60: 0.67
    r.enqueue({ id: 'fast1', queueId: 'fast', enteredAt: T0 + 32_000, priority: 0 }); // 8 s of 10: 0.8
    r.setAvailable('a', true, T0 + 40_000);
    expect(r.routeAgent('a', T0 + 40_000)!.callerId).toBe('fast1');
  });

  it('queue weight tips the balance', () => {
    const r = new AcdRouter();
    r.setQueue(queue('gold', 'longest-idle', { weight: 3 }));
    r.setQueue(queue('std', 'longest-idle'));
    r.setAgent({
      id: 'a',
      skills: {},
      memberships: [
        { queueId: 'std', penalty: 0 },
        { queueId: 'gold', penalty: 0 },
      ],
    });
    r.enqueue({ id: 's', queueId: 'std', enteredAt: T0, priority: 0 });
    r.enqueue({ id: 'g', queueId: 'gold', enteredAt: T0 + 10_000, priority: 0 }); // 0.5 × 3 beats 1.0 × 1
    r.setAvailable('a', true, T0 + 20_000);
    expect(r.routeAgent('a', T0 + 20_000)!.callerId).toBe('g');
  });

  it('a new caller never overtakes an eligible caller ahead of it', () => {
    const r = router('longest-idle', ['a']);
    r.enqueue({ id: 'first', queueId: 'q', enteredAt: T0, priority: 0 });
    r.enqueue({ id: 'second', queueId: 'q', enteredAt: T0 + 5, priority: 0 });
    r.setAvailable('a', true, T0 + 6);
    expect(r.routeCaller('second', T0 + 6)!.callerId).toBe('first');
  });

  it('undo puts the caller back in its place and frees the agent', () => {
    const r = router('longest-idle', ['a']);
    r.enqueue({ id: 'first', queueId: 'q', enteredAt: T0, priority: 0 });
    r.enqueue({ id: 'second', queueId: 'q', enteredAt: T0 + 5, priority: 0 });
    r.setAvailable('a', true, T0 + 6);
    const asg = r.routeAgent('a', T0 + 6)!;
    expect(r.isAvailable('a')).toBe(false);
    r.undo(asg, T0 + 7);
    expect(r.position('first')).toBe(1);
    expect(r.isAvailable('a')).toBe(true);
  });

  it('counts logged in members for the nobody-logged-in overflow', () => {
    const r = router('longest-idle', ['a', 'b']);
    expect(r.loggedInMembers('q')).toBe(0);
    r.setLoggedIn('a', true, T0);
    expect(r.loggedInMembers('q')).toBe(1);
    r.setLoggedIn('a', false, T0);
    expect(r.loggedInMembers('q')).toBe(0);
  });
});
