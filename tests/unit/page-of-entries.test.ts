import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageOfEntries } from "../../src/queries/page-of-entries.ts";

const entries = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `e${index}` }));
const ids = (rows: ReadonlyArray<{ id: string }>) => rows.map((row) => row.id);

describe("a page of a section's entries", () => {
  it.each([
    ["the first page", 7, {}, ["e0", "e1", "e2"], 0, null, "e2"],
    ["a middle page", 7, { after: "e2" }, ["e3", "e4", "e5"], 3, "e3", "e5"],
    ["the page after the middle one", 7, { after: "e5" }, ["e6"], 6, "e6", null],
    ["the last page: what is left after whole pages", 7, { last: true }, ["e6"], 6, "e6", null],
    ["the last page of an exact fit", 6, { last: true }, ["e3", "e4", "e5"], 3, "e3", null],
    ["back from the last page", 7, { before: "e6" }, ["e3", "e4", "e5"], 3, "e3", "e5"],
    ["back to the start", 7, { before: "e3" }, ["e0", "e1", "e2"], 0, null, "e2"],
    ["back from near the start", 7, { before: "e1" }, ["e0"], 0, null, "e0"],
    ["an empty section", 0, {}, [], 0, null, null],
    ["the last page of an empty section", 0, { last: true }, [], 0, null, null],
  ])("%s", (_, count, position, expected, offset, previous, next) => {
    const page = pageOfEntries(entries(count), { size: 3, ...position });
    expect(ids(page.rows)).toEqual(expected);
    expect(page).toMatchObject({ total: count, offset, previous, next, ignoredCursor: false });
  });

  it("shows the first page, and says so, for an entry that is not there (deleted since the link was made)", () => {
    const page = pageOfEntries(entries(7), { size: 3, after: "gone" });
    expect(ids(page.rows)).toEqual(["e0", "e1", "e2"]);
    expect(page.ignoredCursor).toBe(true);
    expect(pageOfEntries(entries(7), { size: 3, before: "gone" }).ignoredCursor).toBe(true);
  });

  it("walks every entry once forwards and once backwards, in order, whatever the sizes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 12 }), (count, size) => {
        const all = entries(count);
        const forwards: string[] = [];
        let page = pageOfEntries(all, { size });
        for (;;) {
          forwards.push(...ids(page.rows));
          if (!page.next) break;
          page = pageOfEntries(all, { size, after: page.next });
        }
        expect(forwards).toEqual(ids(all));
        const backwards: string[][] = [];
        page = pageOfEntries(all, { size, last: true });
        for (;;) {
          backwards.unshift(ids(page.rows));
          if (!page.previous) break;
          page = pageOfEntries(all, { size, before: page.previous });
        }
        expect(backwards.flat()).toEqual(ids(all));
        // The pages met walking back are the pages met walking forwards.
        expect(backwards.every((rows, index) => rows.length === Math.min(size, count - index * size))).toBe(true);
      }),
    );
  });
});
