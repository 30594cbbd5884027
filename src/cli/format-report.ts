import type { Measure, Status, StoredEligibilityReport, StoredRequirementReport } from "../domain/report.ts";
import type { Locale } from "../i18n/locale.ts";
import { reasonText, reportText } from "../i18n/report-text.ts";
import { type Translate, translator } from "../i18n/translate.ts";

const statusKeys = {
  met: "report.status.met",
  "partly-met": "report.status.partly-met",
  unmet: "report.status.unmet",
  "needs-review": "report.status.needs-review",
} as const;

const marks: Record<Status, string> = { met: "[x]", "partly-met": "[~]", unmet: "[ ]", "needs-review": "[?]" };

function formatMeasure(measure: Measure, locale: Locale, t: Translate): string {
  const need = measure.need === null ? t("report.setByAssociation") : String(measure.need);
  return `${reportText(locale, t, measure.label)}: ${measure.have} / ${need} ${measure.unit}`;
}

function formatRequirement(requirement: StoredRequirementReport, locale: Locale, t: Translate, indent: string): string[] {
  const stage = requirement.stage === "after-review" ? ` ${t("report.afterReview")}` : "";
  const lines = [`${indent}${marks[requirement.status]} ${reportText(locale, t, requirement.label)}${stage}: ${t(statusKeys[requirement.status])}`];
  for (const measure of requirement.measures) lines.push(`${indent}    ${formatMeasure(measure, locale, t)}`);
  if (requirement.missing) lines.push(`${indent}    ${t("report.missing")}: ${reportText(locale, t, requirement.missing)}`);
  if (requirement.counted.length > 0) {
    const counted = requirement.counted.map((item) => `${item.entryId} (${item.amount}${item.toward ? ` -> ${item.toward}` : ""})`);
    lines.push(`${indent}    ${t("report.counted")}: ${counted.join(", ")}`);
  }
  for (const item of requirement.excluded) {
    lines.push(`${indent}    ${t("report.notCounted")}: ${item.entryId}: ${reasonText(t, item.reason)}`);
  }
  lines.push(`${indent}    ${t("report.source")}: ${requirement.source}`);
  return lines;
}

/** The report as text for a terminal, in English or Spanish (a report frozen in a snapshot too). */
export function formatReport(report: StoredEligibilityReport, locale: Locale): string {
  const t = translator(locale);
  const heading = `${report.category.name[locale]} (${report.category.abbreviation}), ${report.framework.id} ${report.framework.version}, ${t("report.asOf")} ${report.asOf}`;
  const overall = `${t("report.overall")}: ${t(statusKeys[report.status])} (${Math.round(report.progress * 100)}%)`;
  return [heading, overall, "", ...report.requirements.flatMap((requirement) => formatRequirement(requirement, locale, t, ""))].join("\n");
}
