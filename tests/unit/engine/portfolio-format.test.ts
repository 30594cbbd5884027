import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { portfolioJsonSchema } from "../../../src/domain/portfolio-json-schema.ts";
import { storedPortfolioSchema, uniqueIdsPortfolioSchema, uniqueIdsStoredPortfolioSchema } from "../../../src/domain/portfolio-schema.ts";

describe("the portable portfolio format", () => {
  it("docs/portfolio.schema.json is generated from the schema the code uses (run npm run schema)", () => {
    expect(JSON.parse(readFileSync("docs/portfolio.schema.json", "utf8"))).toEqual(JSON.parse(JSON.stringify(portfolioJsonSchema())));
  });

  it("accepts the example portfolio and fills in defaults", () => {
    const parsed = uniqueIdsPortfolioSchema.parse(JSON.parse(readFileSync("examples/ifs-portfolio.json", "utf8")));
    expect(parsed.work[0]).toMatchObject({ kind: "prevention", paid: true, verified: false });
    expect(parsed.licences).toEqual([]);
  });

  it.each([
    [{ training: [{ id: "t", title: "x", date: "2024-01-01" }] }, "training.0", "give clockHours or academicCourseHours"],
    [{ work: [{ id: "w", start: "2020-01-01", ages: { fromMonths: 40, toMonths: 10 } }] }, "work.0.ages", "fromMonths must not be after toMonths"],
    [
      { reflectiveSupervision: [{ id: "r", direction: "received", date: "2024-01-01", hours: 0, format: "individual" }] },
      "reflectiveSupervision.0.hours",
      "must be more than 0",
    ],
    [{ education: [{ id: "e", level: "phd" }] }, "education.0.level", ""],
    [{ work: [{ id: "w", start: "2021-03-01", end: "2020-12-31" }] }, "work.0.end", "end must not be before start"],
    [{ licences: [{ id: "l", type: "RN", issued: "2022-01-15", expires: "2020-01-15" }] }, "licences.0.expires", "expires must not be before issued"],
    [
      { credentials: [{ framework: "f", category: "c", earned: "2022-01-15", expires: "2020-01-15" }] },
      "credentials.0.expires",
      "expires must not be before earned",
    ],
    [
      {
        reflectiveSupervision: [
          {
            id: "r",
            direction: "received",
            date: "2024-01-01",
            hours: 1,
            format: "individual",
            provider: { credentials: [{ framework: "f", category: "c", earned: "2022-01-15", expires: "2020-01-15" }] },
          },
        ],
      },
      "reflectiveSupervision.0.provider.credentials.0.expires",
      "expires must not be before earned",
    ],
    [
      { references: [{ id: "x", role: "colleague", raterCredentials: [{ framework: "f", category: "c", earned: "2022-01-15", expires: "2020-01-15" }] }] },
      "references.0.raterCredentials.0.expires",
      "expires must not be before earned",
    ],
  ])("refuses %j at %s", (input, path, message) => {
    const result = uniqueIdsPortfolioSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((candidate) => candidate.path.join(".") === path);
    expect(issue, JSON.stringify(result.error!.issues)).toBeDefined();
    expect(issue!.message).toContain(message);
  });
});

describe("a stored portfolio", () => {
  it("still reads an entry kept before its dates were checked, so the person can open and correct it", () => {
    const kept = {
      work: [{ id: "w", start: "2021-03-01", end: "2020-12-31" }],
      licences: [{ id: "l", type: "RN", issued: "2022-01-15", expires: "2020-01-15" }],
    };
    expect(storedPortfolioSchema.parse(kept).work).toMatchObject([{ start: "2021-03-01", end: "2020-12-31" }]);
    expect(uniqueIdsStoredPortfolioSchema.safeParse(kept).success).toBe(true);
    expect(uniqueIdsStoredPortfolioSchema.safeParse({ ...kept, training: [{ id: "w", title: "x", date: "2024-01-01", clockHours: 1 }] }).success).toBe(false);
  });
});
