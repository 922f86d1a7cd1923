// The evaluation's rounding rule: points to 2 decimals and shares to 1 decimal place, half up,
// computed from the exact fraction in integers so no binary float ever decides a tie (2/3 × 25 =
// 16.666… → 16.67; 1/8 × 60 = 7.5 exactly → 7.50; 5/16 × 15 = 4.6875 → 4.69).

/** numerator / denominator rounded half up to a whole number; both non-negative, denominator > 0. */
export function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * n / d × weight in centipoints (hundredths), rounded half up. A share of nothing (d = 0) is not
 * full marks: such a line cannot be assessed and is left out by the caller, so it is refused here.
 */
export function shareCentipoints(n: number, d: number, weight: number): number {
  if (d <= 0) throw new RangeError('shareCentipoints: nothing to assess (d = 0)');
  return divideHalfUp(n * weight * 100, d);
}

/** n / d as a percent with one decimal, rounded half up, e.g. '83.3%'; d must be positive. */
export function percentText(n: number, d: number): string {
  if (d <= 0) throw new RangeError('percentText: nothing to assess (d = 0)');
  const tenths = divideHalfUp(n * 1000, d);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** Centipoints as points with two decimals, e.g. 2083 → '20.83', -150 → '-1.50'. */
export function pointsText(centipoints: number): string {
  const sign = centipoints < 0 ? '-' : '';
  const abs = Math.abs(centipoints);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Centipoints as a number of points (for JSON and spreadsheets), exact to the hundredth. */
export function toPoints(centipoints: number): number {
  return Number(pointsText(centipoints));
}

/** Points typed in a form (at most two decimals) as centipoints. */
export function toCentipoints(points: number): number {
  return Math.round(points * 100);
}
