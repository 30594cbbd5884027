import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../../src/domain/explain.ts";

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [0.5, "0.5"],
    [23.456, "23.46"],
    [500, "500"],
    [1234.5, "1,234.5"],
    [1000000, "1,000,000"],
    [-2.5, "-2.5"],
  ])("%s -> %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it("writes what Intl writes in US English and Mexican Spanish", () => {
    const en = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
    const es = new Intl.NumberFormat("es-MX", { maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (hundredths) => {
        const value = hundredths / 100;
        expect(formatNumber(value)).toBe(en.format(value));
        expect(formatNumber(value)).toBe(es.format(value));
      }),
    );
  });
});
