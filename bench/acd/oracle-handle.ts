import { exponentialHandleTimes, HandleTimeModel } from '@app/acd-core';
import { Distribution } from '@app/population';

/**
 * The true handle-time law of a bench scenario as a HandleTimeModel (for the "oracle" line: the same estimator told
 * the exact distribution instead of learning it from 1,000 samples), or undefined when it has no closed form here.
 */
export function oracleHandleTimes(d: Distribution): HandleTimeModel | undefined {
  switch (d.kind) {
    case 'exponential':
      return exponentialHandleTimes(d.mean);
    case 'uniform': {
      const { min, max } = d;
      return {
        mean: () => (min + max) / 2,
        quantile: (u) => min + u * (max - min),
        residual: (e) => {
          const lo = Math.max(min, e);
          return (u) => Math.max(0, lo + u * (max - lo) - e);
        },
      };
    }
    case 'lognormal': {
      const sd = d.sd ?? (d.cv ?? 1) * d.mean;
      const sigma = Math.sqrt(Math.log(1 + (sd * sd) / (d.mean * d.mean)));
      const mu = Math.log(d.mean) - (sigma * sigma) / 2;
      const q = (u: number): number => Math.exp(mu + sigma * normalQuantile(u));
      return {
        mean: () => d.mean,
        quantile: q,
        residual: (e) => {
          // Upper tail beyond e, computed from the complement so that long calls keep their precision.
          const tail = e > 0 ? normalUpperTail((Math.log(e) - mu) / sigma) : 1;
          return (u) => Math.max(0, Math.exp(mu - sigma * normalQuantile(Math.max(1e-300, (1 - u) * tail))) - e);
        },
      };
    }
    default:
      return undefined;
  }
}

/** P(Z > z) for a standard normal Z (erfc by Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
function normalUpperTail(z: number): number {
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  const erfc = x >= 0 ? y : 2 - y;
  return erfc / 2;
}

/** Inverse of the standard normal distribution function (Acklam's rational approximation, relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const dd = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lowP = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < lowP) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((dd[0] * q + dd[1]) * q + dd[2]) * q + dd[3]) * q + 1)
    );
  }
  if (p > 1 - lowP) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((dd[0] * q + dd[1]) * q + dd[2]) * q + dd[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}
