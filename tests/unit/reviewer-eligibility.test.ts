import { describe, expect, it } from "vitest";
import { reviewerRefusal, type ReviewerProfile } from "../../src/domain/reviewer-eligibility.ts";

const order = ["ifa", "ifs", "ifrs", "imhs"];
const imhs: ReviewerProfile = {
  frameworkId: "alliance",
  categoryId: "imhs",
  heldSince: "2020-01-01",
  maxOpen: 3,
  unavailable: [{ from: "2026-12-20", to: "2026-12-31" }],
};
const target = (categoryId: string, frameworkId = "alliance") => ({ frameworkId, categoryId, categoryOrder: order });

describe("reviewerRefusal", () => {
  it.each([
    { why: "no profile recorded yet", profile: undefined, category: "imhs", load: 9, day: "2026-12-07", expected: null },
    { why: "same category", profile: imhs, category: "imhs", load: 0, day: "2026-12-07", expected: null },
    { why: "a lower category", profile: imhs, category: "ifa", load: 2, day: "2026-12-07", expected: null },
    { why: "holds a lower one", profile: { ...imhs, categoryId: "ifs" }, category: "ifrs", load: 0, day: "2026-12-07", expected: "lower-category" },
    {
      why: "holds a category the framework lacks",
      profile: { ...imhs, categoryId: "gone" },
      category: "ifa",
      load: 0,
      day: "2026-12-07",
      expected: "lower-category",
    },
    {
      why: "held only from a later day",
      profile: { ...imhs, heldSince: "2026-12-08" },
      category: "ifa",
      load: 0,
      day: "2026-12-07",
      expected: "lower-category",
    },
    { why: "held from today", profile: { ...imhs, heldSince: "2026-12-07" }, category: "ifa", load: 0, day: "2026-12-07", expected: null },
    { why: "at the maximum", profile: imhs, category: "ifa", load: 3, day: "2026-12-07", expected: "full-load" },
    { why: "one under the maximum", profile: imhs, category: "ifa", load: 2, day: "2026-12-07", expected: null },
    { why: "first day away", profile: imhs, category: "ifa", load: 0, day: "2026-12-20", expected: "unavailable" },
    { why: "last day away", profile: imhs, category: "ifa", load: 0, day: "2026-12-31", expected: "unavailable" },
    { why: "back the day after", profile: imhs, category: "ifa", load: 0, day: "2027-01-01", expected: null },
  ])("$why: $expected", ({ profile, category, load, day, expected }) => {
    expect(reviewerRefusal(profile, target(category), load, day)).toBe(expected);
  });

  it("refuses another framework before anything else", () => {
    expect(reviewerRefusal(imhs, target("ifa", "california"), 9, "2026-12-25")).toBe("other-framework");
  });
});
