/** A pilot candidate: one pending campaign contact with the attributes the sample is stratified on. */
export interface SampleCandidate {
  id: string;
  timeZone: string;
  segment: string | null;
}

export interface StratumAllocation {
  timeZone: string;
  segment: string | null;
  population: number;
  sampled: number;
}

export interface StratifiedSample {
  ids: string[];
  seed: number;
  strata: StratumAllocation[];
}

/** mulberry32: small, fast and good enough to shuffle; the same seed gives the same pilot. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const byId = (a: SampleCandidate, b: SampleCandidate): number =>
  a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Picks `size` candidates so that every (time zone, segment) stratum is represented in proportion to its size.
 * Quotas use the largest-remainder method (floor of the exact share, then one more for the strata with the largest
 * fractional parts; ties go to the larger stratum, then by name), and each stratum is shuffled with a seeded PRNG.
 * The result depends only on the candidates (not their order) and the seed.
 */
export function stratifiedSample(candidates: readonly SampleCandidate[], size: number, seed: number): StratifiedSample {
  const groups = new Map<string, SampleCandidate[]>();
  for (const c of [...candidates].sort(byId)) {
    const key = `${c.timeZone}\u0000${c.segment ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const total = candidates.length;
  const n = Math.max(0, Math.min(Math.floor(size), total));
  const strata = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, members]) => {
      const exact = total ? (n * members.length) / total : 0;
      return { key, members, quota: Math.floor(exact), remainder: exact - Math.floor(exact) };
    });
  let left = n - strata.reduce((s, x) => s + x.quota, 0);
  const order = [...strata].sort(
    (a, b) => b.remainder - a.remainder || b.members.length - a.members.length || (a.key < b.key ? -1 : 1),
  );
  for (const s of order) {
    if (left <= 0) break;
    s.quota++;
    left--;
  }
  const ids: string[] = [];
  for (const s of strata) {
    const pool = [...s.members];
    const rand = rng((seed ^ hash(s.key)) >>> 0);
    // partial Fisher-Yates: the first `quota` slots end up a uniform sample of the stratum
    for (let i = 0; i < s.quota; i++) {
      const j = i + Math.floor(rand() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
      ids.push(pool[i].id);
    }
  }
  return {
    ids,
    seed,
    strata: strata.map((s) => ({
      timeZone: s.members[0].timeZone,
      segment: s.members[0].segment,
      population: s.members.length,
      sampled: s.quota,
    })),
  };
}
