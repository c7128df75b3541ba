import type { AgentSessionService } from './agent-session.service';
import type { CampaignRunner } from './campaign-runner';

export interface ShutdownReport {
  /** Every live call ended by itself before the deadline. */
  drained: boolean;
  waitedMs: number;
  /** Calls still up at the deadline, hung up and closed as `interrupted` (counted, contact due again). */
  interrupted: number;
  /** Attempts queued but never dialed, closed as `interrupted` without counting. */
  notDialed: number;
  /** Contact leases of this process given back (pending again). */
  releasedContacts: number;
  /** Agent sessions closed (offline, phone hung up). */
  agentsLoggedOut: number;
}

export interface DialerShutdownOptions {
  /** SHUTDOWN_DRAIN_SECONDS: how long live calls may go on. */
  drainSeconds: number;
  log?: { log(m: string): void; warn(m: string): void };
}

/**
 * Stopping the dialer without leaving work for the next start (SIGTERM/SIGINT in main.ts): no new calls, agents told
 * over their socket (`shutdown` with the deadline), live calls and wrap-ups may finish until the drain deadline, then
 * what remains is closed with a clear outcome (`interrupted`), leases are given back and every agent is logged out.
 */
export class DialerShutdown {
  private started: Promise<ShutdownReport> | undefined;
  private endDrain: (() => void) | undefined;
  private forced = false;

  constructor(
    private readonly runner: CampaignRunner,
    private readonly sessions: AgentSessionService,
    private readonly opts: DialerShutdownOptions,
  ) {}

  /** Runs the shutdown once; a second call (a second Ctrl-C) ends the drain at once and waits for the same end. */
  run(drainSeconds = this.opts.drainSeconds): Promise<ShutdownReport> {
    if (this.started) {
      this.forced = true;
      this.endDrain?.();
      return this.started;
    }
    this.started = this.execute(drainSeconds);
    return this.started;
  }

  private async execute(drainSeconds: number): Promise<ShutdownReport> {
    const start = Date.now();
    const deadline = start + drainSeconds * 1000;
    const live = this.runner.liveCalls();
    this.opts.log?.log(
      `shutting down: no new calls; ${live} live call(s) may finish within ${drainSeconds} s (SHUTDOWN_DRAIN_SECONDS); ` +
        `signal again to end them now`,
    );
    this.sessions.announceShutdown(deadline, drainSeconds);
    this.runner.drain();
    await this.sessions.releaseOffers();

    let timer: NodeJS.Timeout | undefined;
    let waiting = true;
    const idle = (async () => {
      while (waiting && this.runner.handles.size > 0) await new Promise((r) => setTimeout(r, 100));
    })();
    await Promise.race([
      idle,
      new Promise<void>((ok) => (timer = setTimeout(ok, Math.max(0, deadline - Date.now())))),
      new Promise<void>((ok) => {
        this.endDrain = ok;
        if (this.forced) ok();
      }),
    ]);
    waiting = false;
    clearTimeout(timer);
    const drained = this.runner.handles.size === 0;
    if (!drained) this.opts.log?.warn(`drain ended with ${this.runner.liveCalls()} call(s) still live: ending them`);
    const swept = await this.runner.interruptAll();
    const agentsLoggedOut = await this.sessions.shutdown();
    const report = { drained, waitedMs: Date.now() - start, ...swept, agentsLoggedOut };
    this.opts.log?.log(
      `stopped: ${report.interrupted} call(s) interrupted, ${report.notDialed} queued dial(s) given back, ` +
        `${report.releasedContacts} contact lease(s) released, ${agentsLoggedOut} agent(s) logged out`,
    );
    return report;
  }
}
