import type { KeysetPage, PageRequest } from "../data/keyset.ts";

/**
 * One page of a list already in memory (a portfolio section's entries), by the same rules as the
 * lists read from tables (src/data/keyset.ts): a cursor is the id of the entry the page starts
 * after or ends before, and the last page holds what is left after whole pages from the start.
 */
export function pageOfEntries<Row extends { id: string }>(rows: readonly Row[], request: PageRequest): KeysetPage<Row> {
  const cursor = request.after ?? request.before;
  const at = cursor === undefined ? -1 : rows.findIndex((row) => row.id === cursor);
  const ignoredCursor = cursor !== undefined && at === -1;
  const wholePages = Math.max(0, Math.ceil(rows.length / request.size) - 1) * request.size;
  const offset = ignoredCursor
    ? 0
    : request.after !== undefined
      ? at + 1
      : request.before !== undefined
        ? Math.max(0, at - request.size)
        : request.last
          ? wholePages
          : 0;
  const end = request.before !== undefined && !ignoredCursor ? at : offset + request.size;
  const page = rows.slice(offset, Math.min(end, rows.length));
  return {
    rows: page,
    total: rows.length,
    offset,
    previous: offset > 0 && page.length > 0 ? page[0]!.id : null,
    next: offset + page.length < rows.length && page.length > 0 ? page.at(-1)!.id : null,
    ignoredCursor,
  };
}
