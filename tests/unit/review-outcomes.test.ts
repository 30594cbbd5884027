import { describe, expect, it } from "vitest";
import { canMoveApplication } from "../../src/domain/application-lifecycle.ts";
import { outcomesFor, outcomeStatus, reviewOutcomes } from "../../src/domain/review-outcomes.ts";
import { loadFrameworks } from "../../src/frameworks/load-frameworks.ts";

const frameworks = loadFrameworks();
const category = (frameworkId: string, categoryId: string) =>
  frameworks.find((framework) => framework.id === frameworkId)!.categories.find((c) => c.id === categoryId)!;

describe("the outcomes staff may decide", () => {
  it.each([
    ["alliance-iecmh-e", "imhs", "in-review", ["approve-for-exam", "defer", "hold"]],
    ["alliance-iecmh-e", "imhs", "exam", ["endorse", "defer"]],
    ["alliance-iecmh-e", "ifs", "in-review", ["endorse", "defer", "hold"]],
    ["alliance-iecmh-e", "ifrs", "in-review", ["endorse", "defer", "hold", "emerging"]],
    ["alliance-iecmh-e", "ifrs", "on-hold", ["endorse", "defer", "emerging"]],
    ["california-ifecmh", "mhs", "in-review", ["endorse", "defer", "hold"]],
    ["alliance-iecmh-e", "ifs", "submitted", []],
    ["alliance-iecmh-e", "ifs", "endorsed", []],
  ] as const)("%s %s in %s: %j", (frameworkId, categoryId, status, expected) => {
    expect(outcomesFor(category(frameworkId, categoryId), status)).toEqual(expected);
  });

  it("moves the application only along the lifecycle's edges, from every status an outcome is offered in", () => {
    for (const framework of frameworks)
      for (const each of framework.categories)
        for (const status of ["in-review", "on-hold", "exam"] as const)
          for (const outcome of outcomesFor(each, status))
            expect(canMoveApplication(status, outcomeStatus[outcome]), `${each.id} ${status} ${outcome}`).toBe(true);
    expect(Object.keys(outcomeStatus).sort()).toEqual([...reviewOutcomes].sort());
  });
});
