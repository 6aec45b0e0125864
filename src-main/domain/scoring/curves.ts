/** Piecewise-linear curves (R13) and the small number helpers every score uses. */

/** A point of a curve: input x scores y. Points are given in increasing x. */
export type CurvePoint = readonly [x: number, y: number];

/**
 * The score of `x` on the curve through `points`: linear between neighbouring points, flat before the first and
 * after the last (so "≥ 365 → 0" holds for every x past 365). Infinity takes the last point's score.
 */
export function piecewise(points: readonly CurvePoint[], x: number): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) throw new Error('a curve needs at least one point');
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    if (x <= x1) {
      const [x0, y0] = points[i - 1]!;
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return last[1];
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounded to one decimal (scores and percentages as shown). */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Removes floating-point noise from a computed ratio before it is compared with a threshold (−15 %, 60…). */
export function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** (current − earlier) / earlier in percent, or null when there is nothing earlier to compare with. */
export function changePercent(current: number, earlier: number): number | null {
  return earlier > 0 ? clean(((current - earlier) / earlier) * 100) : null;
}
