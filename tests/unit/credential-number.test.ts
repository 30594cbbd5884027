import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { credentialNumber, credentialNumberPattern, prefixCandidates } from "../../src/domain/credential-number.ts";

describe("credential numbers", () => {
  it.each([
    [{ prefix: "SC", abbreviation: "IFS", year: 2026, sequence: 42 }, "SC-IFS-2026-0042"],
    [{ prefix: "MI", abbreviation: "IMHM-C", year: 2027, sequence: 1 }, "MI-IMHM-C-2027-0001"],
    [{ prefix: "CA", abbreviation: "tmhp", year: 2026, sequence: 12345 }, "CA-TMHP-2026-12345"],
    [{ prefix: "NY", abbreviation: "IMH E®", year: 2026, sequence: 7 }, "NY-IMH-E-2026-0007"],
  ])("%j is %s", (parts, number) => {
    expect(credentialNumber(parts)).toBe(number);
    expect(credentialNumberPattern.test(number)).toBe(true);
  });

  it.each([
    ["sc-imh", ["SC", "SCIMH"]],
    ["michigan", ["MICHIGAN"]],
    ["ca-center-for-infant-family", ["CA", "CACENTERFO"]],
  ])("an association at %s tries %j first", (slug, first) => {
    expect(prefixCandidates(slug).slice(0, first.length)).toEqual(first);
  });

  it("offers many distinct prefixes that a number accepts, for any address", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 99999 }),
        (slug, year, sequence) => {
          const candidates = prefixCandidates(slug);
          expect(new Set(candidates).size).toBe(candidates.length);
          expect(candidates.length).toBeGreaterThan(50);
          for (const prefix of candidates) expect(credentialNumberPattern.test(credentialNumber({ prefix, abbreviation: "IFS", year, sequence }))).toBe(true);
        },
      ),
    );
  });
});
