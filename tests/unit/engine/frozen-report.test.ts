import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatReport } from "../../../src/cli/format-report.ts";
import { evaluate } from "../../../src/domain/evaluate.ts";
import { fingerprint } from "../../../src/domain/fingerprint.ts";
import { uniqueIdsPortfolioSchema } from "../../../src/domain/portfolio-schema.ts";
import type { StoredEligibilityReport } from "../../../src/domain/report.ts";
import { alliance, categoryOf } from "./fixtures.ts";

/**
 * A report as the engine froze it into snapshots before its words became messages: every text an
 * {en, es} pair, what was missing one pair (the example portfolio checked for IFS on 2024-01-01).
 */
const stored = readFileSync("tests/fixtures/report-frozen-before-messages.json", "utf8");
const frozen = JSON.parse(stored) as StoredEligibilityReport;
const example = uniqueIdsPortfolioSchema.parse(JSON.parse(readFileSync("examples/ifs-portfolio.json", "utf8")));
const today = evaluate(alliance, categoryOf(alliance, "ifs"), example, frozen.asOf);

describe("a report frozen before the engine's messages", () => {
  it("holds {en, es} pairs where today's report holds message descriptors", () => {
    const rsc = (report: StoredEligibilityReport) => report.requirements.find((requirement) => requirement.id === "rsc-received")!;
    expect(rsc(frozen).missing).toMatchObject({ en: expect.stringContaining("24 more hours needed") as string });
    expect(rsc(today).missing).toEqual([expect.objectContaining({ key: "engine.shortfall.hours" }), { key: "engine.missing.spread", values: { months: 12 } }]);
  });

  it.each(["en", "es"] as const)("reads in %s exactly as the same check today", (locale) => {
    expect(formatReport(frozen, locale)).toBe(formatReport(today, locale));
    expect(formatReport(frozen, locale)).toContain(
      locale === "en"
        ? "Missing: Reflective supervision/consultation received: 24 more hours needed (0 of 24). The hours must be spread over at least 12 months."
        : "Falta: Supervisión/consulta reflexiva recibida: faltan 24 horas (0 de 24). Las horas deben repartirse en al menos 12 meses.",
    );
  });

  it("keeps its fingerprint: reading it changes nothing", () => {
    const before = fingerprint(frozen);
    formatReport(frozen, "en");
    formatReport(frozen, "es");
    expect(fingerprint(frozen)).toBe(before);
    expect(fingerprint(frozen)).toBe(fingerprint(JSON.parse(stored)));
  });
});
