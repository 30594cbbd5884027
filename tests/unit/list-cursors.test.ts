import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, type KeysetOrder, orderKey } from "../../src/data/keyset.ts";
import { pageQuery, parseListQuery, staffApplicationsQuery } from "../../src/forms/list-filters.ts";

const newestFirst: KeysetOrder = { direction: "desc", keys: [orderKey(sql`created_at`, "timestamp"), orderKey(sql`id`, "uuid")] };
const byName: KeysetOrder = { direction: "asc", keys: [orderKey(sql`name`, "text"), orderKey(sql`id`, "uuid")] };
const id = "0f9c2b1e-6a55-4c4e-9d59-5d1f3f4a7b10";
const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString("base64url");

describe("a list's cursor", () => {
  it("gives back the key values Cradle wrote, to the microsecond", () => {
    const key = ["2026-12-07T04:30:00.123471Z", id];
    expect(decodeCursor(encodeCursor(key), newestFirst)).toEqual(key);
    expect(decodeCursor(encodeCursor(['Zoë O\'Brien, "Ana"', id]), byName)).toEqual(['Zoë O\'Brien, "Ana"', id]);
  });

  it.each([
    ["not base64 JSON", "%%%"],
    ["JSON that is not a list", cursorOf({ at: "2026-12-07T04:30:00.123471Z" })],
    ["too few keys", cursorOf(["2026-12-07T04:30:00.123471Z"])],
    ["too many keys", cursorOf(["2026-12-07T04:30:00.123471Z", id, id])],
    ["a number for a key", cursorOf([20261207, id])],
    ["a day that does not exist", cursorOf(["2026-02-30T04:30:00.123471Z", id])],
    ["an hour that does not exist", cursorOf(["2026-12-07T25:30:00.123471Z", id])],
    ["a timestamp without microseconds", cursorOf(["2026-12-07T04:30:00.123Z", id])],
    ["SQL for an id", cursorOf(["2026-12-07T04:30:00.123471Z", "' or 1=1 --"])],
  ])("is refused when it is %s", (_, cursor) => {
    expect(decodeCursor(cursor, newestFirst)).toBeUndefined();
  });

  it("refuses a name longer than any Cradle stores, or with characters PostgreSQL keeps in no text", () => {
    expect(decodeCursor(cursorOf(["x".repeat(501), id]), byName)).toBeUndefined();
    expect(decodeCursor(cursorOf(["Ana\u0000", id]), byName)).toBeUndefined();
    expect(decodeCursor(cursorOf(["Ana\ud800", id]), byName)).toBeUndefined();
  });
});

describe("a list's query string", () => {
  const parse = (query: string) => parseListQuery(staffApplicationsQuery, `http://cradle.test/a/x/applications?${query}`);

  it("reads the filters and the position", () => {
    expect(parse("status=in-review&window=90&after=abc_-1")).toEqual({ query: { status: "in-review", window: "90", after: "abc_-1" }, misread: false });
    expect(parse("page=last")).toEqual({ query: { page: "last" }, misread: false });
  });

  it("takes an empty choice (the form's All) as no filter", () => {
    expect(parse("status=&window=")).toEqual({ query: {}, misread: false });
  });

  it("leaves out what it does not understand, keeps the rest, and says so", () => {
    expect(parse("status=lost&window=90")).toEqual({ query: { window: "90" }, misread: true });
    expect(parse("window=7&status=draft")).toEqual({ query: { status: "draft" }, misread: true });
    expect(parse("after=a.b")).toEqual({ query: {}, misread: true });
    expect(parse(`before=${"A".repeat(1001)}`)).toEqual({ query: {}, misread: true });
    expect(parse("page=2")).toEqual({ query: {}, misread: true });
  });

  it("ignores parameters no list uses", () => {
    expect(parseListQuery(pageQuery, "http://cradle.test/inbox?utm_source=mail")).toEqual({ query: {}, misread: false });
  });
});
