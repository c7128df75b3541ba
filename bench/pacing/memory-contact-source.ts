import type { CallingRules, Callability, ContactLease, ContactSource, NextStep, PastAttempt } from '@app/dialer-core';
import { MinHeap } from './min-heap';
import { callability } from '@app/dialer-core';

interface Contact {
  id: string;
  phone: string;
  timeZone: string;
  attempts: PastAttempt[];
  dueAt: number;
}

/**
 * An in-memory list with the same contract as the SQL source: only contacts whose calling window is open (with the
 * ring timeout and margin), due retries first. Like the SQL prefilter, it keeps callable_from/until bounds per zone
 * and recomputes them only when they lapse.
 */
export class MemoryContactSource implements ContactSource {
  private cursor = 0;
  /** Binary heap by due time. */
  private readonly retries = new MinHeap<Contact>((a, b) => a.dueAt < b.dueAt);
  private readonly leased = new Map<string, Contact>();
  private readonly bounds = new Map<string, Callability & { computedAt: number }>();
  claimed = 0;
  settled = new Map<NextStep['kind'], number>();

  constructor(
    private readonly listSize: number,
    private readonly zones: string[],
    private readonly rules: CallingRules,
    private readonly ringTimeoutSeconds: number,
  ) {}

  zoneOfPhone(phone: string): string {
    return this.zones[Number(phone.slice(-7)) % this.zones.length];
  }

  private callable(zone: string, now: number): boolean {
    let b = this.bounds.get(zone);
    const stale = !b || (b.callable ? now > (b.until ?? 0) : b.from == null || now >= b.from);
    if (stale) {
      b = { ...callability(this.rules, zone, now, this.ringTimeoutSeconds), computedAt: now };
      this.bounds.set(zone, b);
    }
    return b!.callable;
  }

  claim(n: number, now: number): ContactLease[] {
    const out: ContactLease[] = [];
    // Due retries first (oldest due first), then fresh contacts in list order.
    const notYet: Contact[] = [];
    while (out.length < n && this.retries.length > 0 && this.retries.peek()!.dueAt <= now) {
      const c = this.retries.pop();
      if (this.callable(c.timeZone, now)) out.push(this.lease(c));
      else {
        c.dueAt = this.bounds.get(c.timeZone)?.from ?? now + 3600000;
        notYet.push(c);
      }
    }
    for (const c of notYet) this.retries.push(c);
    let scanned = 0;
    while (out.length < n && this.cursor < this.listSize && scanned < 10 * n + 100) {
      scanned++;
      const i = this.cursor++;
      const phone = `+1555${String(i).padStart(7, '0')}`;
      const c: Contact = { id: `c${i}`, phone, timeZone: this.zoneOfPhone(phone), attempts: [], dueAt: now };
      if (this.callable(c.timeZone, now)) out.push(this.lease(c));
      else {
        // Comes back when its window opens.
        c.dueAt = this.bounds.get(c.timeZone)?.from ?? now + 3600000;
        this.retries.push(c);
      }
    }
    this.claimed += out.length;
    return out;
  }

  private lease(c: Contact): ContactLease {
    this.leased.set(c.id, c);
    return {
      leaseId: c.id,
      contactId: c.id,
      phone: c.phone,
      timeZone: c.timeZone,
      history: { numbers: [c.phone], attempts: c.attempts },
    };
  }

  /** History comes from the attempt records (the SQL source reads it from the attempts table). */
  noteAttempt(contactId: string, attempt: PastAttempt): void {
    const c = this.leased.get(contactId);
    if (c) c.attempts = [...c.attempts, attempt];
  }

  settle(lease: ContactLease, step: NextStep, _now: number): void {
    const c = this.leased.get(lease.contactId);
    this.leased.delete(lease.contactId);
    this.settled.set(step.kind, (this.settled.get(step.kind) ?? 0) + 1);
    if (!c) return;
    if (step.kind === 'retry-at' || step.kind === 'callback-at') {
      c.dueAt = step.at;
      this.retries.push(c);
    }
  }
}
