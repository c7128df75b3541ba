import { Rng } from './rng';

/** A non-negative duration distribution, in seconds. */
export type Distribution =
  | { kind: 'fixed'; value: number }
  | { kind: 'exponential'; mean: number }
  /** Give either `sd` or `cv` (sd / mean); neither means cv 1. */
  | { kind: 'lognormal'; mean: number; sd?: number; cv?: number }
  | { kind: 'uniform'; min: number; max: number }
  /** `spread` 0.5 means mean ± 50 %. */
  | { kind: 'uniformAround'; mean: number; spread: number }
  | { kind: 'mixture'; parts: { weight: number; dist: Distribution }[] };

function lognormalParams(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

function lognormalSd(dist: { mean: number; sd?: number; cv?: number }): number {
  if (dist.sd != null) return dist.sd;
  return (dist.cv ?? 1) * dist.mean;
}

/** Draws one value (seconds, never negative). */
export function sample(dist: Distribution, rng: Rng): number {
  switch (dist.kind) {
    case 'fixed':
      return Math.max(0, dist.value);
    case 'exponential':
      return -dist.mean * Math.log(1 - rng.next());
    case 'lognormal': {
      if (dist.mean <= 0) return 0;
      const sd = lognormalSd(dist);
      if (sd <= 0) return dist.mean;
      const { mu, sigma } = lognormalParams(dist.mean, sd);
      return Math.exp(mu + sigma * rng.normal());
    }
    case 'uniform':
      return Math.max(0, dist.min + (dist.max - dist.min) * rng.next());
    case 'uniformAround':
      return Math.max(0, dist.mean * (1 + dist.spread * (2 * rng.next() - 1)));
    case 'mixture': {
      const total = dist.parts.reduce((s, p) => s + Math.max(0, p.weight), 0);
      if (total <= 0 || dist.parts.length === 0) return 0;
      let u = rng.next() * total;
      for (const part of dist.parts) {
        u -= Math.max(0, part.weight);
        if (u < 0) return sample(part.dist, rng);
      }
      return sample(dist.parts[dist.parts.length - 1].dist, rng);
    }
  }
}

/** The analytical mean (seconds). */
export function meanOf(dist: Distribution): number {
  switch (dist.kind) {
    case 'fixed':
      return Math.max(0, dist.value);
    case 'exponential':
    case 'lognormal':
    case 'uniformAround':
      return dist.mean;
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'mixture': {
      const total = dist.parts.reduce((s, p) => s + Math.max(0, p.weight), 0);
      if (total <= 0) return 0;
      return dist.parts.reduce((s, p) => s + (Math.max(0, p.weight) / total) * meanOf(p.dist), 0);
    }
  }
}
