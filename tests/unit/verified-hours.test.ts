import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { portfolioSchema } from "../../src/domain/portfolio-schema.ts";
import { verifiedHours } from "../../src/domain/verified-hours.ts";

const session = (id: string, options: { provider?: string; hours?: number; date?: string; verified?: boolean; direction?: "received" | "provided" }) => ({
  id,
  direction: options.direction ?? "received",
  date: options.date ?? "2026-01-05",
  hours: options.hours ?? 1,
  format: "individual",
  ...(options.provider === undefined ? {} : { provider: { name: options.provider } }),
  verified: options.verified ?? false,
});

const service = (id: string, hours: number, role: "application-reviewer" | "application-advisor" | "exam-reviewer" = "application-reviewer") => ({
  id,
  date: "2026-02-01",
  hours,
  role,
});

const association = { entryIds: new Set(["service-review-1", "service-review-2", "service-exam-rating-3"]), verifier: "SCIMHA" };

describe("verified hours", () => {
  it.each([
    ["an unconfirmed session", { reflectiveSupervision: [session("a", { provider: "Dr. Lee" })] }, []],
    ["a confirmed session naming no provider", { reflectiveSupervision: [session("a", { verified: true })] }, []],
    [
      "confirmed sessions of one provider however typed, over their days",
      {
        reflectiveSupervision: [
          session("a", { provider: "Dr. Lee", hours: 1.5, date: "2026-03-02", verified: true }),
          session("b", { provider: " dr.  LEE ", hours: 2, date: "2026-01-10", verified: true }),
          session("c", { provider: "Dr. Lee", hours: 9 }),
        ],
      },
      [{ kind: "rsc-received", verifier: "Dr. Lee", hours: 3.5, entries: 2, from: "2026-01-10", to: "2026-03-02" }],
    ],
    [
      "each provider and each direction apart",
      {
        reflectiveSupervision: [
          session("a", { provider: "Dr. Lee", verified: true }),
          session("b", { provider: "Dr. Kim", verified: true }),
          session("c", { provider: "Dr. Lee", verified: true, direction: "provided" }),
        ],
      },
      [
        { kind: "rsc-provided", verifier: "Dr. Lee", hours: 1, entries: 1, from: "2026-01-05", to: "2026-01-05" },
        { kind: "rsc-received", verifier: "Dr. Kim", hours: 1, entries: 1, from: "2026-01-05", to: "2026-01-05" },
        { kind: "rsc-received", verifier: "Dr. Lee", hours: 1, entries: 1, from: "2026-01-05", to: "2026-01-05" },
      ],
    ],
    [
      "service for this association, by role, and none for another's",
      {
        reviewerHours: [
          service("service-review-1", 2),
          service("service-review-2", 1.25),
          service("service-exam-rating-3", 1, "exam-reviewer"),
          service("service-review-9", 5),
        ],
      },
      [
        { kind: "application-reviewer", verifier: "SCIMHA", hours: 3.25, entries: 2, from: "2026-02-01", to: "2026-02-01" },
        { kind: "exam-reviewer", verifier: "SCIMHA", hours: 1, entries: 1, from: "2026-02-01", to: "2026-02-01" },
      ],
    ],
  ])("%s", (_name, file, expected) => {
    expect(verifiedHours(portfolioSchema.parse(file), association)).toEqual(expected);
  });

  const sessions = fc.array(
    fc.record({
      provider: fc.constantFrom("Dr. Lee", "dr. lee", "Dr. Kim", ""),
      hours: fc.integer({ min: 1, max: 40 }).map((quarters) => quarters / 4),
      verified: fc.boolean(),
    }),
    { maxLength: 12 },
  );
  const portfolioOf = (list: Array<{ provider: string; hours: number; verified: boolean }>) =>
    portfolioSchema.parse({ reflectiveSupervision: list.map((entry, index) => session(`s${index}`, entry)) });

  it("counts exactly the hours of the confirmed sessions naming a provider", () => {
    fc.assert(
      fc.property(sessions, (list) => {
        const total = verifiedHours(portfolioOf(list), association).reduce((sum, group) => sum + group.hours, 0);
        const confirmed = list.filter((entry) => entry.verified && entry.provider !== "").reduce((sum, entry) => sum + entry.hours, 0);
        expect(total).toBeCloseTo(confirmed, 6);
      }),
    );
  });

  it("is unchanged by any session no one confirmed", () => {
    fc.assert(
      fc.property(sessions, sessions, (list, typed) => {
        const unconfirmed = typed.map((entry) => ({ ...entry, verified: false }));
        expect(verifiedHours(portfolioOf([...list, ...unconfirmed]), association)).toEqual(verifiedHours(portfolioOf(list), association));
      }),
    );
  });
});
