import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ComparedFile, fileChanges } from "../../src/domain/file-changes.ts";

const file = (lists: ComparedFile["lists"], verdicts: ComparedFile["verdicts"] = []): ComparedFile => ({ lists, verdicts });
const training = (id: string, hours: number) => ({ id, title: `Course ${id}`, hours });

describe("what changed between two versions of a file", () => {
  it.each([
    ["nothing", file({ training: [training("a", 3)] }), file({ training: [training("a", 3)] }), []],
    ["an entry added", file({ training: [] }), file({ training: [training("a", 3)] }), [{ change: "added", list: "training", id: "a" }]],
    ["an entry removed", file({ training: [training("a", 3)] }), file({ training: [] }), [{ change: "removed", list: "training", id: "a" }]],
    ["a field changed", file({ training: [training("a", 3)] }), file({ training: [training("a", 4)] }), [{ change: "changed", list: "training", id: "a" }]],
    ["the same fields in another order", file({ work: [{ id: "w", from: "2020", to: "2021" }] }), file({ work: [{ to: "2021", id: "w", from: "2020" }] }), []],
    ["a list only the newer version has", file({}), file({ reading: [{ id: "r" }] }), [{ change: "added", list: "reading", id: "r" }]],
    [
      "several lists at once, removed before added",
      file({ training: [training("a", 3), training("b", 1)], work: [{ id: "w" }] }),
      file({ training: [training("c", 2), training("b", 2)], work: [{ id: "w" }] }),
      [
        { change: "removed", list: "training", id: "a" },
        { change: "added", list: "training", id: "c" },
        { change: "changed", list: "training", id: "b" },
      ],
    ],
  ] as const)("%s", (_name, before, after, expected) => {
    expect(fileChanges(before, after).entries).toEqual(expected);
  });

  it.each([
    ["unchanged", [{ id: "hours", status: "met" }], [{ id: "hours", status: "met" }], []],
    ["not met, now met", [{ id: "hours", status: "not-met" }], [{ id: "hours", status: "met" }], [{ id: "hours", from: "not-met", to: "met" }]],
    ["a requirement gone", [{ id: "hours", status: "met" }], [], [{ id: "hours", from: "met", to: null }]],
    ["a new requirement", [], [{ id: "exam", status: "needs-review" }], [{ id: "exam", from: null, to: "needs-review" }]],
  ] as const)("verdicts: %s", (_name, before, after, expected) => {
    expect(fileChanges(file({}, before), file({}, after)).verdicts).toEqual(expected);
  });

  const entry = fc.record({ id: fc.constantFrom("a", "b", "c", "d"), hours: fc.integer({ min: 0, max: 5 }) });
  const entries = fc.uniqueArray(entry, { selector: (each) => each.id, maxLength: 4 });
  const compared = fc.record({
    lists: fc.record({ training: entries, work: entries }),
    verdicts: fc.uniqueArray(fc.record({ id: fc.constantFrom("x", "y", "z"), status: fc.constantFrom("met", "not-met") }), { selector: (each) => each.id }),
  });

  it("a file compared with itself has no changes", () => {
    fc.assert(
      fc.property(compared, (one) => {
        expect(fileChanges(one, one)).toEqual({ entries: [], verdicts: [] });
      }),
    );
  });

  it("going back undoes each change: added and removed swap, changed stays changed", () => {
    const flip = { added: "removed", removed: "added", changed: "changed" } as const;
    fc.assert(
      fc.property(compared, compared, (a, b) => {
        const key = (change: { change: string; list: string; id: string }) => `${change.change} ${change.list} ${change.id}`;
        const forth = fileChanges(a, b).entries.map((change) => key({ ...change, change: flip[change.change] }));
        expect(forth.sort()).toEqual(fileChanges(b, a).entries.map(key).sort());
      }),
    );
  });
});
