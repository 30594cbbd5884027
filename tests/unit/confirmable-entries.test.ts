import { describe, expect, it } from "vitest";
import { confirmerKey, entriesAwaiting, markConfirmed } from "../../src/domain/confirmable-entries.ts";
import { portfolioSchema } from "../../src/domain/portfolio-schema.ts";

const session = (id: string, name: string | undefined, verified = false) => ({
  id,
  direction: "received",
  date: "2025-01-05",
  hours: 1,
  format: "individual",
  ...(name === undefined ? {} : { provider: { name } }),
  verified,
});

const portfolio = portfolioSchema.parse({
  reflectiveSupervision: [
    session("a", "Dr. Lee"),
    session("b", "  dr.   LEE "),
    session("c", "Dr. Lee", true),
    session("d", "Dr. Kim"),
    session("e", undefined),
  ],
  work: [{ id: "w", role: "Home visitor", start: "2020-01-06", ages: { fromMonths: 0, toMonths: 36 }, supervisor: "DR. LEE" }],
});

describe("the entries awaiting one provider or supervisor", () => {
  it.each([
    ["Dr. Lee", "dr. lee"],
    ["  dr.   LEE ", "dr. lee"],
    ["Carmen Díaz", "carmen diaz"],
    ["", ""],
  ])("reads %j as %j", (name, key) => {
    expect(confirmerKey(name)).toBe(key);
  });

  it("finds the unconfirmed sessions and jobs naming them however typed, and no one's for an entry without a name", () => {
    expect(entriesAwaiting(portfolio, confirmerKey("Dr. Lee")).map(({ entry }) => entry.id)).toEqual(["w", "a", "b"]);
    expect(entriesAwaiting(portfolio, confirmerKey(""))).toEqual([]);
  });

  it("marks only the given entries confirmed", () => {
    const after = markConfirmed(portfolio, new Set(["a", "w"]));
    expect(after.reflectiveSupervision.map((entry) => entry.verified)).toEqual([true, false, true, false, false]);
    expect(after.work[0]!.verified).toBe(true);
  });
});
