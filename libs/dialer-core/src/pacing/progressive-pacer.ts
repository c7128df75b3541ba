import { Pacer, PacingObservation, PacingSnapshot, progressiveCount } from './pacer';

/** One call per ready agent, never more: every answer finds an agent, so nothing is abandoned. */
export class ProgressivePacer implements Pacer {
  readonly mode = 'progressive' as const;

  decide(s: PacingSnapshot): number {
    return progressiveCount(s);
  }

  observe(_o: PacingObservation): void {}
}

/**
 * Preview: the agent reads the contact before the call is placed. Modelled for pacing as progressive where an agent
 * only counts once they have been ready for the preview time (the engine's agent registry reports that time).
 */
export class PreviewPacer implements Pacer {
  readonly mode = 'preview' as const;

  constructor(readonly previewSeconds: number) {}

  decide(s: PacingSnapshot & { readyElapsed?: readonly number[] }): number {
    if (!s.readyElapsed) return progressiveCount(s);
    const previewed = s.readyElapsed.filter((e) => e >= this.previewSeconds).length;
    // Calls out belong to the agents ready longest, who finished their preview first.
    return Math.max(0, Math.min(previewed, s.ready) - s.dialingElapsed.length - s.waiting);
  }

  observe(_o: PacingObservation): void {}
}
