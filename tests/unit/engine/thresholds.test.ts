import { describe, expect, it } from "vitest";
import { words } from "./report-words.ts";
import { toDay } from "../../../src/domain/dates.ts";
import { evaluate, isInForce } from "../../../src/domain/evaluate.ts";
import type { Requirement } from "../../../src/domain/framework-schema.ts";
import { loadFrameworks } from "../../../src/frameworks/load-frameworks.ts";
import { hasThreshold, hasUnsetFigure, synthesize } from "./synthesize-portfolio.ts";

/**
 * For every category of every shipped framework: a portfolio exactly at each threshold meets it,
 * and one just under any single threshold does not. Figures no source confirms need review.
 */
const asOf = "2025-06-30";
const inForce = (requirement: Requirement) => isInForce(requirement, toDay(asOf));

function expectedAtThreshold(requirement: Requirement): "met" | "needs-review" {
  if (requirement.kind === "review") return "needs-review";
  if (requirement.kind === "document" && requirement.document !== "transcript") return "needs-review";
  return hasUnsetFigure(requirement) ? "needs-review" : "met";
}

for (const framework of loadFrameworks()) {
  describe(framework.id, () => {
    for (const category of framework.categories) {
      describe(category.id, () => {
        it("is met (or waits for review) exactly at every threshold", () => {
          const report = evaluate(framework, category, synthesize(category, asOf, inForce), asOf);
          const statuses = Object.fromEntries(report.requirements.map((requirement) => [requirement.id, requirement.status]));
          const expected = Object.fromEntries(category.requirements.filter(inForce).map((requirement) => [requirement.id, expectedAtThreshold(requirement)]));
          expect(statuses).toEqual(expected);
        });

        const received = category.requirements.filter(inForce).filter((requirement) => requirement.kind === "rsc-received");
        if (received.length > 0) {
          it.each(["2026-06-30", "2027-06-30"])("keeps RS/C received at the threshold as it was when checked on %s, with nothing changed", (later) => {
            const portfolio = synthesize(category, asOf, inForce);
            const report = evaluate(framework, category, portfolio, later);
            const statuses = Object.fromEntries(
              received.map((requirement) => [requirement.id, report.requirements.find((r) => r.id === requirement.id)?.status]),
            );
            expect(statuses).toEqual(Object.fromEntries(received.map((requirement) => [requirement.id, expectedAtThreshold(requirement)])));
          });
        }

        for (const requirement of category.requirements.filter(inForce).filter(hasThreshold)) {
          it(`is not met just under ${requirement.id}`, () => {
            const report = evaluate(framework, category, synthesize(category, asOf, inForce, requirement.id), asOf);
            const target = report.requirements.find((candidate) => candidate.id === requirement.id)!;
            expect(["unmet", "partly-met"]).toContain(target.status);
            expect(words(target.missing, "en").length).toBeGreaterThan(0);
            expect(words(target.missing, "es").length).toBeGreaterThan(0);
            if (requirement.stage === "application") expect(report.status).not.toBe("met");
          });
        }
      });
    }
  });
}
