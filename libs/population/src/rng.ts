/** 32-bit string hash (FNV-1a followed by a murmur3 finaliser) used to derive seeds from labels. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Seeded pseudo-random generator (mulberry32): fast, 32-bit state, good enough for simulation.
 * `fork(label)` derives an independent stream from the ORIGINAL seed and the label, so forks do not depend on how many
 * numbers the parent has drawn (the simulator and the benchmark can fork in any order and still agree).
 */
export class Rng {
  private state: number;
  readonly seed: number;

  constructor(seed: number | string = 1) {
    this.seed = typeof seed === 'string' ? hashString(seed) : mix32(Math.floor(seed) ^ 0x9e3779b9);
    this.state = this.seed;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  fork(label: string | number): Rng {
    return new Rng(hashString(String(label), this.seed));
  }
}
