import { describe, expect, it } from 'vitest';
import {
  divideHalfUp,
  percentText,
  pointsText,
  shareCentipoints,
  toCentipoints,
  toPoints,
} from './rounding.ts';

describe('evaluation rounding (2 decimals, half up, from the exact fraction)', () => {
  it('rounds exact halves up and everything else to the nearest hundredth', () => {
    // 5/8 × 25 = 15.625 exactly → 15.63 (a float product 15.624999… must not round down).
    expect(shareCentipoints(5, 8, 25)).toBe(1563);
    // 2/3 × 25 = 16.666… → 16.67; 1/3 × 25 = 8.333… → 8.33.
    expect(shareCentipoints(2, 3, 25)).toBe(1667);
    expect(shareCentipoints(1, 3, 25)).toBe(833);
    // 5/16 × 15 = 4.6875 → 4.69; 1/8 × 60 = 7.5 → 7.50.
    expect(shareCentipoints(5, 16, 15)).toBe(469);
    expect(shareCentipoints(1, 8, 60)).toBe(750);
    // A share of nothing is not full marks: the caller leaves such a line out, so it is refused.
    expect(() => shareCentipoints(0, 0, 60)).toThrow(RangeError);
    expect(divideHalfUp(1, 2)).toBe(1);
    expect(divideHalfUp(1, 3)).toBe(0);
  });

  it('writes percents with one decimal and points with two', () => {
    expect(percentText(5, 8)).toBe('62.5%');
    expect(percentText(5, 7)).toBe('71.4%');
    expect(percentText(2, 3)).toBe('66.7%');
    expect(percentText(1, 1)).toBe('100.0%');
    expect(() => percentText(0, 0)).toThrow(RangeError);
    expect(pointsText(1563)).toBe('15.63');
    expect(pointsText(5)).toBe('0.05');
    expect(pointsText(-150)).toBe('-1.50');
    expect(toPoints(1071)).toBe(10.71);
    expect(toCentipoints(1.15)).toBe(115);
    expect(toCentipoints(2.675)).toBe(268);
  });
});
