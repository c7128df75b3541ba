import { AgentMachine, AgentState } from '../state/agent-state';
import { Transition } from '../state/transition';

export interface AgentEntry {
  id: string;
  state: AgentState;
}

/** The campaign's agents and their state machines; every change goes through `apply` so observers see it. */
export class AgentRegistry {
  private readonly agents = new Map<string, AgentEntry>();

  constructor(private readonly onChange?: (agentId: string, from: AgentState, to: AgentState) => void) {}

  get(agentId: string): AgentEntry | undefined {
    return this.agents.get(agentId);
  }

  all(): IterableIterator<AgentEntry> {
    return this.agents.values();
  }

  ensure(agentId: string, now: number): AgentEntry {
    let a = this.agents.get(agentId);
    if (!a) {
      a = { id: agentId, state: AgentMachine.initial(now) };
      this.agents.set(agentId, a);
    }
    return a;
  }

  /** Applies a transition; on an illegal one the state is unchanged and the error is returned to the caller. */
  apply(agent: AgentEntry, t: Transition<AgentState>): Transition<AgentState> {
    if (t.ok) {
      const from = agent.state;
      agent.state = t.state;
      this.onChange?.(agent.id, from, t.state);
    }
    return t;
  }

  /** The ready agent idle the longest (fairness, and it spreads talk time evenly). */
  longestIdle(): AgentEntry | undefined {
    let best: AgentEntry | undefined;
    for (const a of this.agents.values()) {
      if (a.state.kind === 'ready' && (!best || a.state.since < best.state.since)) best = a;
    }
    return best;
  }
}
