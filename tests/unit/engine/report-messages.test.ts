import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toDay } from "../../../src/domain/dates.ts";
import { evaluate, evaluateRequirement, isInForce } from "../../../src/domain/evaluate.ts";
import { describeShortfall } from "../../../src/domain/explain.ts";
import { preparePortfolio } from "../../../src/domain/prepare-portfolio.ts";
import { units } from "../../../src/domain/report-codes.ts";
import { evaluateRenewal } from "../../../src/domain/evaluate-renewal.ts";
import type { Category, Requirement, Text } from "../../../src/domain/framework-schema.ts";
import { educationLevels } from "../../../src/domain/portfolio-codes.ts";
import { portfolioSchema, type Portfolio } from "../../../src/domain/portfolio-schema.ts";
import { ratingFormFor } from "../../../src/domain/rating-form.ts";
import type { RequirementReport } from "../../../src/domain/report.ts";
import { isReportMessage, type ReportMessage, reportMessageKeys, type ReportText, type ReportValue } from "../../../src/domain/report-messages.ts";
import { en } from "../../../src/i18n/messages-en.ts";
import { es } from "../../../src/i18n/messages-es.ts";
import { reportText } from "../../../src/i18n/report-text.ts";
import { translator } from "../../../src/i18n/translate.ts";
import { arbitraryPortfolio } from "./arbitrary-portfolio.ts";
import { frameworks } from "./fixtures.ts";
import { emptyDraft, satisfy } from "./synthesize-portfolio.ts";

/**
 * The engine's words live in the catalogues: every key the domain lists is in both, and every
 * message the engine emits over a broad set of portfolios (every threshold just missed, random
 * ones, renewals) renders in both languages with the values it carries, no `{placeholder}` left.
 */
const asOf = "2025-10-01";

function reportsOf(portfolio: Portfolio): RequirementReport[] {
  return frameworks.flatMap((framework) =>
    framework.categories.flatMap((category) => {
      const report = evaluate(framework, category, portfolio, asOf);
      return report.requirements.flatMap((requirement) => [requirement, ...(requirement.options ?? [])]);
    }),
  );
}

function justUnder(): RequirementReport[] {
  return frameworks.flatMap((framework) =>
    framework.categories.flatMap((category) => {
      const inForce = (requirement: Requirement) => isInForce(requirement, toDay(asOf));
      return category.requirements.filter(inForce).flatMap((requirement) => {
        // A figure no source sets has no "just under": the synthesized portfolio would not be valid.
        const under = portfolioSchema.safeParse(synthesizeDraft(category, asOf, inForce, requirement.id));
        return under.success ? evaluate(framework, category, under.data, asOf).requirements : [];
      });
    }),
  );
}

function renewals(portfolio: Portfolio): RequirementReport[] {
  return frameworks.flatMap((framework) =>
    framework.categories
      .filter((category) => category.renewal)
      .flatMap((category) => evaluateRenewal(framework, category, portfolio, { earned: "2015-01-01", periodEnd: "2025-12-31" }).requirements),
  );
}

function synthesizeDraft(category: Category, day: string, inForce: (requirement: Requirement) => boolean, underId: string): unknown {
  const draft = emptyDraft(day);
  for (const requirement of category.requirements.filter(inForce)) satisfy(draft, requirement, day, requirement.id === underId);
  return draft;
}

const empty = portfolioSchema.parse({});
const providesRsc = portfolioSchema.parse({ attestations: { providesRsc: true } });
const random = fc.sample(arbitraryPortfolio, { numRuns: 40, seed: 14 });
/** What the published frameworks never ask but a framework may: every unit short or with its figure unset, every education level. */
function everyShape(): RequirementReport[] {
  const context = { framework: frameworks[0]!, prepared: preparePortfolio(empty), asOf: toDay(asOf) };
  const base = { id: "probe", label: { en: "Probe", es: "Prueba" }, source: "test", stage: "application" as const };
  const shortfalls = describeShortfall(units.flatMap((unit) => [null, 3].map((need) => ({ id: unit, label: base.label, have: 1, need, unit }))));
  const education = educationLevels.flatMap((minLevel) =>
    [true, false].map((relatedField) => evaluateRequirement({ ...base, kind: "education", minLevel, relatedField }, context)),
  );
  return [{ ...education[0]!, missing: shortfalls }, ...education];
}

const reports = [...reportsOf(empty), ...justUnder(), ...random.flatMap(reportsOf), ...renewals(empty), ...renewals(providesRsc), ...everyShape()];

/** Every message in a report, with those inside another message's values. */
function messagesIn(texts: Array<ReportText | ReportValue>): ReportMessage[] {
  return texts.flatMap((text) => {
    if (typeof text !== "object" || Array.isArray(text) || !isReportMessage(text as ReportText)) return [];
    const message = text as ReportMessage;
    return [message, ...messagesIn(Object.values(message.values ?? {}))];
  });
}
const shown = (report: RequirementReport): ReportText[] => [report.label, ...report.measures.map((measure) => measure.label), ...(report.missing ?? [])];
const emitted = messagesIn(reports.flatMap(shown));

describe("the engine's messages", () => {
  it("has every listed key in both catalogues, none empty", () => {
    for (const key of reportMessageKeys) {
      expect(en[key], key).toBeTruthy();
      expect(es[key], key).toBeTruthy();
    }
  });

  it("emits only listed keys, and over these portfolios emits every key a report's words use", () => {
    const keys = new Set(emitted.map((message) => message.key));
    for (const key of keys) expect(reportMessageKeys, key).toContain(key);
    // Units, reasons and the rating scale are named by presenters from the report's codes; education levels inside a message.
    const byPresenters = /^engine\.(unit|reason|rating)\.|^engine\.list\.or$/;
    const missed = reportMessageKeys.filter((key) => !byPresenters.test(key) && !keys.has(key));
    expect(missed).toEqual([]);
  });

  it.each(["en", "es"] as const)("renders every emitted message in %s with the values it carries", (locale) => {
    const t = translator(locale);
    for (const message of emitted) {
      const text = reportText(locale, t, message);
      expect(text, JSON.stringify(message)).not.toMatch(/[{}#]|engine\./);
      expect(text.trim(), message.key).not.toBe("");
    }
  });

  it.each(["en", "es"] as const)("renders every reason, unit and rating choice in %s", (locale) => {
    const t = translator(locale);
    for (const key of reportMessageKeys.filter((name) => /^engine\.(reason|rating)\./.test(name))) expect(t(key), key).not.toMatch(/[{}#]|^engine\./);
    for (const key of reportMessageKeys.filter((name) => name.startsWith("engine.unit."))) {
      expect(t(key, { count: 1 })).not.toBe(t(key, { count: 2 }));
    }
    for (const option of ratingFormFor(frameworks[0]!, null).scale) expect(reportText(locale, t, option.label)).not.toMatch(/^engine\./);
  });

  it("says lists of alternatives with the language's 'or', and framework text in the reader's language", () => {
    const options: Text[] = [
      { en: "A degree", es: "Un título" },
      { en: "A licence", es: "Una licencia" },
    ];
    const oneOf: ReportMessage = { key: "engine.missing.oneOf", values: { options } };
    expect(reportText("en", translator("en"), oneOf)).toBe("One of these: A degree; or A licence.");
    expect(reportText("es", translator("es"), oneOf)).toBe("Una de estas opciones: Un título; o Una licencia.");
  });
});
