import { describe, expect, it } from "vitest";
import { type ApplicationStatus, applicationStatuses, applicationTransitions, canMoveApplication } from "../../src/domain/application-lifecycle.ts";

/** The whole table, written out: a change to the lifecycle is a change to this test, on purpose. */
const expected: Record<ApplicationStatus, ApplicationStatus[]> = {
  draft: ["submitted", "withdrawn"],
  submitted: ["in-review", "withdrawn"],
  "in-review": ["endorsed", "approved-for-exam", "deferred", "on-hold", "emerging"],
  "approved-for-exam": ["exam", "withdrawn"],
  exam: ["endorsed", "deferred", "approved-for-exam"],
  deferred: ["submitted", "withdrawn"],
  "on-hold": ["in-review", "endorsed", "approved-for-exam", "deferred", "emerging", "withdrawn"],
  emerging: ["submitted", "withdrawn"],
  endorsed: [],
  withdrawn: [],
};

describe("the application lifecycle", () => {
  const pairs = applicationStatuses.flatMap((from) => applicationStatuses.map((to) => [from, to, expected[from].includes(to)] as const));

  it.each(pairs)("%s -> %s allowed: %s", (from, to, allowed) => {
    expect(canMoveApplication(from, to)).toBe(allowed);
  });

  it("names only known statuses, never moves to itself, and ends in endorsed or withdrawn", () => {
    for (const [from, targets] of Object.entries(applicationTransitions)) {
      for (const to of targets) expect(applicationStatuses).toContain(to);
      expect(targets).not.toContain(from);
    }
    expect(applicationTransitions.endorsed).toEqual([]);
    expect(applicationTransitions.withdrawn).toEqual([]);
  });

  it("reaches endorsed from a draft, and lets nobody withdraw once a reviewer started", () => {
    const reachable = new Set<ApplicationStatus>(["draft"]);
    // A set grows while iterated over with for...of: each status added is visited in turn.
    for (const from of reachable) for (const to of applicationTransitions[from]) reachable.add(to);
    expect([...reachable].sort()).toEqual([...applicationStatuses].sort());
    expect(canMoveApplication("in-review", "withdrawn")).toBe(false);
  });
});
