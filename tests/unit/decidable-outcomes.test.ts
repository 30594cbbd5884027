import { describe, expect, it } from "vitest";
import { decidableOutcomes } from "../../src/domain/decidable-outcomes.ts";
import { outcomesFor } from "../../src/domain/review-outcomes.ts";
import { loadFrameworks } from "../../src/frameworks/load-frameworks.ts";

const alliance = loadFrameworks().find((framework) => framework.id === "alliance-iecmh-e")!;
const category = (id: string) => alliance.categories.find((each) => each.id === id)!;

describe("the outcomes staff may decide now", () => {
  it.each([
    ["imhs", "exam", false, ["defer"]],
    ["imhs", "exam", true, ["endorse", "defer"]],
    ["imhs", "in-review", false, ["approve-for-exam", "defer", "hold"]],
    ["ifs", "in-review", false, ["endorse", "defer", "hold"]],
    ["ifrs", "on-hold", false, ["endorse", "defer", "emerging"]],
  ] as const)("%s in %s, exam passed %s: %j", (categoryId, status, examPassed, expected) => {
    expect(decidableOutcomes(category(categoryId), status, examPassed)).toEqual(expected);
  });

  it("outside the exam stage, a pass changes nothing", () => {
    for (const each of alliance.categories)
      for (const status of ["in-review", "on-hold"] as const) expect(decidableOutcomes(each, status, false)).toEqual(outcomesFor(each, status));
  });
});
