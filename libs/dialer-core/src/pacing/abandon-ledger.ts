/**
 * Counts person-answered and abandoned calls over the whole run and over a rolling window the operator chooses
 * (30 days in the US, 24 hours in the UK). Minute buckets keep memory bounded for long windows. Production seeds it
 * from the database at start so a restart does not forget the window.
 */
export class AbandonLedger {
  answered = 0;
  abandoned = 0;
  private readonly buckets: { minute: number; answered: number; abandoned: number }[] = [];
  private wAnswered = 0;
  private wAbandoned = 0;

  constructor(readonly windowSeconds: number = 24 * 3600) {}

  seed(answered: number, abandoned: number, at: number): void {
    this.answered += answered;
    this.abandoned += abandoned;
    this.bucket(at, answered, abandoned);
  }

  /** A person answered; `abandoned` says whether the call got no agent in time. */
  record(at: number, abandoned: boolean): void {
    this.answered++;
    if (abandoned) this.abandoned++;
    this.bucket(at, 1, abandoned ? 1 : 0);
  }

  private bucket(at: number, answered: number, abandoned: number): void {
    const minute = Math.floor(at / 60000);
    let last = this.buckets[this.buckets.length - 1];
    if (!last || last.minute !== minute) {
      last = { minute, answered: 0, abandoned: 0 };
      this.buckets.push(last);
    }
    last.answered += answered;
    last.abandoned += abandoned;
    this.wAnswered += answered;
    this.wAbandoned += abandoned;
  }

  /** Answered and abandoned inside the rolling window ending at `now` (time only moves forward: old minutes are dropped). */
  window(now: number): { answered: number; abandoned: number } {
    const oldest = Math.floor((now - this.windowSeconds * 1000) / 60000);
    while (this.buckets.length > 0 && this.buckets[0].minute <= oldest) {
      const b = this.buckets.shift()!;
      this.wAnswered -= b.answered;
      this.wAbandoned -= b.abandoned;
    }
    return { answered: this.wAnswered, abandoned: this.wAbandoned };
  }

  runRate(): number {
    return this.answered === 0 ? 0 : this.abandoned / this.answered;
  }
}
