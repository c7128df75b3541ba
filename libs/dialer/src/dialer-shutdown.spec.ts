import { describe, expect, it } from '@jest/globals';
import type { AgentSessionService } from './agent-session.service';
import type { CampaignRunner } from './campaign-runner';
import { DialerShutdown } from './dialer-shutdown';

function fakes(live: { campaigns: number }) {
  const calls: string[] = [];
  const handles = {
    get size() {
      return live.campaigns;
    },
  };
  const runner = {
    handles,
    liveCalls: () => live.campaigns,
    drain: () => calls.push('drain'),
    interruptAll: async () => {
      calls.push('interruptAll');
      return { interrupted: live.campaigns, notDialed: 0, releasedContacts: 0 };
    },
  } as unknown as CampaignRunner;
  const sessions = {
    announceShutdown: (deadline: number, seconds: number) => calls.push(`announce ${seconds}`),
    releaseOffers: async () => void calls.push('releaseOffers'),
    shutdown: async () => {
      calls.push('sessions.shutdown');
      return 2;
    },
  } as unknown as AgentSessionService;
  return { runner, sessions, calls };
}

describe('DialerShutdown', () => {
  it('tells the agents, stops new calls, waits for the campaigns to go idle, then closes the rest', async () => {
    const live = { campaigns: 1 };
    const f = fakes(live);
    const done = new DialerShutdown(f.runner, f.sessions, { drainSeconds: 30 }).run();
    setTimeout(() => (live.campaigns = 0), 150);
    const report = await done;
    expect(report).toMatchObject({ drained: true, interrupted: 0, agentsLoggedOut: 2 });
    expect(report.waitedMs).toBeLessThan(5000);
    expect(f.calls).toEqual(['announce 30', 'drain', 'releaseOffers', 'interruptAll', 'sessions.shutdown']);
  });

  it('ends the drain at the deadline', async () => {
    const f = fakes({ campaigns: 2 });
    const report = await new DialerShutdown(f.runner, f.sessions, { drainSeconds: 0 }).run();
    expect(report).toMatchObject({ drained: false, interrupted: 2 });
  });

  it('ends the drain at once on a second call (a second signal), even right after the first', async () => {
    const f = fakes({ campaigns: 1 });
    const s = new DialerShutdown(f.runner, f.sessions, { drainSeconds: 3600 });
    const first = s.run();
    const second = s.run();
    expect(second).toBe(first);
    expect(await first).toMatchObject({ drained: false, interrupted: 1 });
    expect(f.calls.filter((c) => c === 'interruptAll')).toHaveLength(1);
  });
});
