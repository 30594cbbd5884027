import type { KeysetPage, PageRequest } from "../data/keyset.ts";
import type { ListWindow, PageQuery } from "../forms/list-filters.ts";

/** Rows on one page of any list that grows: enough to scan, few enough that the page stays small. */
export const listPageSize = 50;

/** Where a page sits in its list, and the cursors of its neighbours (app/components/pager.tsx draws the links). */
export type ListPage = {
  total: number;
  /** 1-based positions of the page's first and last rows (0 and 0 on an empty page). */
  from: number;
  to: number;
  previous: string | null;
  next: string | null;
  /** The address asked for something Cradle does not understand (a cursor or filter): what is shown is the first page. */
  misread: boolean;
};

/** A list's query string as src/forms/list-filters.ts read it: `misread` when it left something out. */
export type ListQuery<Query extends PageQuery = PageQuery> = { query: Query; misread: boolean };

export function pageRequest(query: PageQuery): PageRequest {
  return { size: listPageSize, after: query.after, before: query.before, last: query.page === "last" };
}

export function listPage(page: KeysetPage<unknown>, misread = false): ListPage {
  return {
    total: page.total,
    from: page.rows.length === 0 ? 0 : page.offset + 1,
    to: page.offset + page.rows.length,
    previous: page.previous,
    next: page.next,
    misread: misread || page.ignoredCursor,
  };
}

/** The start of a "last N days" window, or undefined for no window. */
export const windowStart = (now: Date, window: ListWindow | undefined) => (window ? new Date(now.getTime() - Number(window) * 86_400_000) : undefined);
