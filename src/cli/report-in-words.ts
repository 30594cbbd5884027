import type { StoredEligibilityReport, StoredRequirementReport } from "../domain/report.ts";
import type { Locale } from "../i18n/locale.ts";
import { reasonText, reportText } from "../i18n/report-text.ts";
import { type Translate, translator } from "../i18n/translate.ts";

function requirementInWords(requirement: StoredRequirementReport, locale: Locale, t: Translate): object {
  return {
    ...requirement,
    label: reportText(locale, t, requirement.label),
    measures: requirement.measures.map((measure) => ({ ...measure, label: reportText(locale, t, measure.label) })),
    missing: requirement.missing === null ? null : reportText(locale, t, requirement.missing),
    excluded: requirement.excluded.map((item) => ({ ...item, reasonText: reasonText(t, item.reason) })),
    ...(requirement.options ? { options: requirement.options.map((option) => requirementInWords(option, locale, t)) } : {}),
  };
}

/**
 * The report for `check --json`: its numbers, statuses, units, entry ids and reason codes as the
 * engine gives them, and every text (category name, labels, what is missing, each reason) as a
 * string in one language, so a script needs no catalogue (docs/portfolio-format.md).
 */
export function reportInWords(report: StoredEligibilityReport, locale: Locale): object {
  const t = translator(locale);
  return {
    ...report,
    category: { ...report.category, name: report.category.name[locale] },
    requirements: report.requirements.map((requirement) => requirementInWords(requirement, locale, t)),
  };
}
