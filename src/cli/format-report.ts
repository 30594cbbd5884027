import { exclusionReasons } from "../domain/explain.ts";
import type { EligibilityReport, Measure, RequirementReport, Status } from "../domain/report.ts";

type Locale = "en" | "es";

const statusWords: Record<Status, Record<Locale, string>> = {
  met: { en: "met", es: "cumplido" },
  "partly-met": { en: "partly met", es: "cumplido en parte" },
  unmet: { en: "not met", es: "no cumplido" },
  "needs-review": { en: "needs review", es: "requiere revisión" },
};

const marks: Record<Status, string> = { met: "[x]", "partly-met": "[~]", unmet: "[ ]", "needs-review": "[?]" };

function formatMeasure(measure: Measure, locale: Locale): string {
  const need = measure.need === null ? (locale === "en" ? "set by the association" : "la fija la asociación") : String(measure.need);
  return `${measure.label[locale]}: ${measure.have} / ${need} ${measure.unit}`;
}

function formatRequirement(requirement: RequirementReport, locale: Locale, indent: string): string[] {
  const stage = requirement.stage === "after-review" ? (locale === "en" ? " (after review)" : " (después de la revisión)") : "";
  const lines = [`${indent}${marks[requirement.status]} ${requirement.label[locale]}${stage}: ${statusWords[requirement.status][locale]}`];
  for (const measure of requirement.measures) lines.push(`${indent}    ${formatMeasure(measure, locale)}`);
  if (requirement.missing) lines.push(`${indent}    ${locale === "en" ? "Missing" : "Falta"}: ${requirement.missing[locale]}`);
  if (requirement.counted.length > 0) {
    const counted = requirement.counted.map((item) => `${item.entryId} (${item.amount}${item.toward ? ` -> ${item.toward}` : ""})`);
    lines.push(`${indent}    ${locale === "en" ? "Counted" : "Contó"}: ${counted.join(", ")}`);
  }
  for (const item of requirement.excluded) {
    lines.push(`${indent}    ${locale === "en" ? "Not counted" : "No contó"}: ${item.entryId}: ${exclusionReasons[item.reason][locale]}`);
  }
  lines.push(`${indent}    ${locale === "en" ? "Source" : "Fuente"}: ${requirement.source}`);
  return lines;
}

/** The report as text for a terminal, in English or Spanish. */
export function formatReport(report: EligibilityReport, locale: Locale): string {
  const heading = `${report.category.name[locale]} (${report.category.abbreviation}), ${report.framework.id} ${report.framework.version}, ${locale === "en" ? "as of" : "al"} ${report.asOf}`;
  const overall = `${locale === "en" ? "Overall" : "En conjunto"}: ${statusWords[report.status][locale]} (${Math.round(report.progress * 100)}%)`;
  return [heading, overall, "", ...report.requirements.flatMap((requirement) => formatRequirement(requirement, locale, ""))].join("\n");
}
