import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateHours } from "../../../src/domain/allocate-hours.ts";

describe("allocateHours", () => {
  it("moves an hour to where only it can help", () => {
    // e1 could serve either bucket; only e1 can serve B. Greedy "first come" would fill A with e1 and leave B empty.
    const result = allocateHours({
      entries: [
        { id: "e1", hours: 10, eligible: [0, 1] },
        { id: "e2", hours: 10, eligible: [0] },
      ],
      needs: [10, 10],
    });
    expect(result.bucketHours).toEqual([10, 10]);
  });

  it("prefers filling a bucket completely over spreading hours thin", () => {
    const result = allocateHours({ entries: [{ id: "e", hours: 3, eligible: [0, 1] }], needs: [3, 15] });
    expect(result.bucketHours).toEqual([3, 0]);
  });

  it("puts what is left into buckets whose need nobody has set", () => {
    const result = allocateHours({ entries: [{ id: "e", hours: 5, eligible: [0, 1] }], needs: [2, null] });
    expect(result.bucketHours).toEqual([2, 3]);
  });

  it("never gives more than an entry has, nor more than a set bucket needs, and finds the most hours", () => {
    const arbitraryInput = fc.record({
      needs: fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }), { minLength: 1, maxLength: 5 }),
      entries: fc.array(fc.record({ hours: fc.integer({ min: 0, max: 2000 }).map((n) => n / 100), eligibleMask: fc.integer({ min: 0, max: 31 }) }), {
        maxLength: 12,
      }),
    });
    fc.assert(
      fc.property(arbitraryInput, ({ needs, entries }) => {
        const input = {
          needs,
          entries: entries.map((entry, index) => ({
            id: `e${index}`,
            hours: entry.hours,
            eligible: needs.flatMap((_, bucket) => ((entry.eligibleMask >> bucket) & 1 ? [bucket] : [])),
          })),
        };
        const result = allocateHours(input);
        result.given.forEach((given, index) => {
          const total = [...given.values()].reduce((sum, hours) => sum + hours, 0);
          expect(total).toBeLessThanOrEqual(input.entries[index]!.hours + 1e-9);
          for (const bucket of given.keys()) expect(input.entries[index]!.eligible).toContain(bucket);
        });
        result.bucketHours.forEach((hours, bucket) => {
          if (needs[bucket] !== null) expect(hours).toBeLessThanOrEqual(needs[bucket]! + 1e-9);
        });
        // Nothing is left that could still go somewhere: every eligible set bucket is full, or the entry is spent.
        result.given.forEach((given, index) => {
          const spent = [...given.values()].reduce((sum, hours) => sum + hours, 0);
          if (spent + 1e-9 < input.entries[index]!.hours) {
            for (const bucket of input.entries[index]!.eligible) {
              if (needs[bucket] !== null) expect(result.bucketHours[bucket]).toBeCloseTo(needs[bucket]!, 6);
              else expect.fail("an unset bucket always takes what is left");
            }
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
