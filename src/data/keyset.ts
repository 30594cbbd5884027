import { type Expression, type RawBuilder, type SelectQueryBuilder, sql, type SqlBool } from "kysely";
import { hasUnstorableCharacters } from "../limits.ts";
import { isUuid } from "./ids.ts";

/**
 * Keyset pagination for every list that grows (decision 024): a page is the rows after (or
 * before) the key of a row the reader saw, in a total order that ends with a unique column, so
 * no page scans or skips what came before it and rows never repeat or go missing between pages.
 */

type KeyType = "timestamp" | "uuid" | "text";

/** One column of the order; it must never be null (wrap it in coalesce). */
export type OrderKey = { expression: RawBuilder<unknown>; type: KeyType };

/** The order of a list: every key in the same direction, so one row comparison finds the page's start. */
export type KeysetOrder = { direction: "asc" | "desc"; keys: readonly OrderKey[] };

/** `after` and `before` are cursors from a page's links; `last` asks for the end of the list. */
export type PageRequest = { size: number; after?: string | undefined; before?: string | undefined; last?: boolean | undefined };

export type KeysetPage<Row> = {
  rows: Row[];
  /** How many rows match, and how many come before this page's first one. */
  total: number;
  offset: number;
  previous: string | null;
  next: string | null;
  /** A cursor was given but is not one Cradle wrote: the first page is shown instead. */
  ignoredCursor: boolean;
};

export const orderKey = (expression: RawBuilder<unknown>, type: KeyType): OrderKey => ({ expression, type });

const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Each key's text as Cradle writes it: a timestamp to the microsecond in UTC, which JavaScript's Date would round. */
function keyText(key: OrderKey) {
  if (key.type === "timestamp") return sql`to_char(${key.expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  if (key.type === "uuid") return sql`${key.expression}::text`;
  return key.expression;
}

function keyValue(key: OrderKey, value: string) {
  if (key.type === "timestamp") return sql`cast(${value} as timestamptz)`;
  if (key.type === "uuid") return sql`cast(${value} as uuid)`;
  return sql`cast(${value} as text)`;
}

// A day JavaScript would roll over (February 30) is refused, as PostgreSQL would refuse it with an error.
function validTimestamp(value: string) {
  if (!timestampPattern.test(value)) return false;
  const date = new Date(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === value.slice(0, 19);
}
const validKey: Record<KeyType, (value: string) => boolean> = {
  timestamp: validTimestamp,
  uuid: isUuid,
  text: (value) => value.length <= 500 && !hasUnstorableCharacters(value),
};

export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The key values of a cursor, or undefined for anything Cradle did not write for this order (never a database error). */
export function decodeCursor(cursor: string, order: KeysetOrder): string[] | undefined {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || values.length !== order.keys.length) return undefined;
  const keys = order.keys;
  return values.every((value, index) => typeof value === "string" && validKey[keys[index]!.type](value)) ? (values as string[]) : undefined;
}

/** Rows strictly after (`"after"`) or before the key, in the list's order. */
function beyond(order: KeysetOrder, values: readonly string[], side: "after" | "before"): Expression<SqlBool> {
  const operator = (order.direction === "asc") === (side === "after") ? sql.raw(">") : sql.raw("<");
  const columns = sql.join(order.keys.map((key) => key.expression));
  const given = sql.join(order.keys.map((key, index) => keyValue(key, values[index]!)));
  return sql<SqlBool>`(${columns}) ${operator} (${given})`;
}

const flip = (direction: "asc" | "desc") => (direction === "asc" ? "desc" : "asc");

/** How many rows match, and how many of them come before the key. */
async function countRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, order: KeysetOrder, key: readonly string[] | undefined) {
  const counts = (await query
    .clearSelect()
    .select([sql<string>`count(*)`.as("total"), (key ? sql<string>`count(*) filter (where ${beyond(order, key, "before")})` : sql<string>`0`).as("ahead")])
    .executeTakeFirstOrThrow()) as { total: string | number; ahead: string | number };
  return { total: Number(counts.total), ahead: Number(counts.ahead) };
}

/**
 * One page of `query` (its filters, without an order) in `order`: the rows, then one count query
 * for the total and the page's position. A cursor that does not decode gives the first page. The
 * last page holds what is left after whole pages from the start (counted first), so its
 * "previous" links meet the pages read forwards.
 */
export async function readPage<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, order: KeysetOrder, request: PageRequest): Promise<KeysetPage<O>> {
  const after = request.after === undefined ? undefined : decodeCursor(request.after, order);
  const before = after || request.before === undefined ? undefined : decodeCursor(request.before, order);
  const ignoredCursor = (request.after !== undefined && !after) || (request.after === undefined && request.before !== undefined && !before);
  const last = !after && !before && !ignoredCursor && request.last === true;
  const backwards = before !== undefined || last;
  const direction = backwards ? flip(order.direction) : order.direction;
  const totalOfLast = last ? (await countRows(query, order, undefined)).total : undefined;

  let rowsQuery = query.select(sql<string[]>`json_build_array(${sql.join(order.keys.map(keyText))})`.as("keyset_key"));
  if (after) rowsQuery = rowsQuery.where(beyond(order, after, "after"));
  if (before) rowsQuery = rowsQuery.where(beyond(order, before, "before"));
  for (const key of order.keys) rowsQuery = rowsQuery.orderBy(key.expression, direction);
  const size = totalOfLast === undefined ? request.size : totalOfLast % request.size || request.size;
  const found = (await rowsQuery.limit(size).execute()) as (O & { keyset_key: string[] })[];
  if (backwards) found.reverse();

  const firstKey = found[0]?.keyset_key;
  const counts = totalOfLast === undefined ? await countRows(query, order, firstKey) : { total: totalOfLast, ahead: totalOfLast - found.length };
  const total = counts.total;
  // An empty page after a cursor is past the end of the list; an empty first page is an empty list.
  const offset = firstKey ? counts.ahead : after ? total : 0;
  const lastKey = found.at(-1)?.keyset_key;
  const rows = found.map(({ keyset_key: _key, ...row }) => row as unknown as O);
  return {
    rows,
    total,
    offset,
    previous: firstKey && offset > 0 ? encodeCursor(firstKey) : null,
    next: lastKey && offset + found.length < total ? encodeCursor(lastKey) : null,
    ignoredCursor,
  };
}
