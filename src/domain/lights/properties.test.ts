import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineLights } from './combine.ts';
import { dateOfDay, dayNumber } from './dates.ts';
import { expectedByDate } from './expected.ts';
import { computeIndicatorLight } from './indicator-light.ts';
import type { IndicatorProgressInput } from './indicator-spec.ts';
import { lights } from './light.ts';
import { computeReportLight } from './report-light.ts';
import { rollUp } from './roll-up.ts';

// Dates from 2022 to 2027, so leap days, year ends and both term kinds all come up.
const date = fc.integer({ min: dayNumber('2022-01-01'), max: dayNumber('2027-12-31') }).map(dateOfDay);
const number = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.double({ min: -5, max: 200 }),
  fc.constant(Number.NaN),
);

const indicator: fc.Arbitrary<IndicatorProgressInput> = fc.record(
  {
    kind: fc.constantFrom('recurring', 'count', 'deliverable', 'event', 'project', 'percent', 'deadline'),
    per: fc.constantFrom('week', 'month', 'quarter', 'term', 'year'),
    min: number,
    max: number,
    value: number,
    due: date,
    startOn: date,
    endOn: date,
    occurrences: fc.array(
      fc.oneof(
        date,
        fc.record({ on: date, period: fc.constantFrom('2024-05', '2024-Q2', '2024', 'nonsense') }),
      ),
      { maxLength: 30 },
    ),
    latestValue: number,
    completionAccepted: fc.oneof(fc.boolean(), date),
  },
  { requiredKeys: ['kind', 'startOn', 'endOn'] },
);

describe('properties of lights', () => {
  it('never throws, keeps progress in 0..1 and expected within 0..target', () => {
    fc.assert(
      fc.property(indicator, date, (input, asOf) => {
        const result = computeIndicatorLight(input, asOf);
        expect(lights).toContain(result.light);
        expect(result.progress).toBeGreaterThanOrEqual(0);
        expect(result.progress).toBeLessThanOrEqual(1);
        expect(result.expected).toBeGreaterThanOrEqual(0);
        expect(result.expected).toBeLessThanOrEqual(result.target);
        expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never expects less on a later day', () => {
    fc.assert(
      fc.property(indicator, date, date, (input, a, b) => {
        const [early, late] = dayNumber(a) <= dayNumber(b) ? [a, b] : [b, a];
        expect(expectedByDate(input, early)).toBeLessThanOrEqual(expectedByDate(input, late));
      }),
      { numRuns: 300 },
    );
  });

  it('combines and rolls up any lights without leaving 0..1', () => {
    const part = fc.record({
      light: fc.constantFrom(...lights),
      reason: fc.string(),
      progress: number,
      credited: fc.nat(20),
      owed: fc.nat(20),
    });
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 8 }),
        fc.option(part, { nil: undefined }),
        number,
        (parts, report, weight) => {
          // Credited may exceed owed in arbitrary input: the share is still clamped into 0..1.
          const task = combineLights(report ? { indicators: parts, report } : { indicators: parts });
          if (task.progress !== null) {
            expect(task.progress).toBeGreaterThanOrEqual(0);
            expect(task.progress).toBeLessThanOrEqual(1);
          } else expect(parts.reduce((sum, p) => sum + p.owed, 0)).toBe(0);
          const item = rollUp([...parts.map((p) => ({ ...p, weight })), { ...task, weight }]);
          if (parts.length > 0) {
            expect(item.progress).toBeGreaterThanOrEqual(0);
            expect(item.progress).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('computes report lights for any dates', () => {
    const slot = fc.record(
      {
        period: fc.string(),
        dueOn: date,
        submittedOn: date,
        state: fc.constantFrom('submitted', 'accepted', 'returned'),
      },
      { requiredKeys: ['period', 'dueOn'] },
    );
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 12 }), date, (periods, asOf) => {
        expect(lights).toContain(computeReportLight({ periods }, asOf).light);
      }),
    );
  });
});
