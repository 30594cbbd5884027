import { parseArgs } from "node:util";
import { evaluateRenewal } from "../../domain/evaluate-renewal.ts";
import { translator } from "../../i18n/translate.ts";
import { BadInput, commonOptions, dateOption, frameworkAndCategory, langOption, printReport, readPortfolioFile } from "./check.ts";

export const renewUsage = "renew <portfolio.json> --framework <id> --category <id> --earned YYYY-MM-DD --period-end YYYY-MM-DD [--json] [--lang en|es]";

/**
 * Prints what a credential holder has for the renewal period ending on `--period-end`, printed as
 * `check` prints (the same JSON, with the period beside it). Returns the exit code: 0 when every
 * renewal requirement is met, 1 when not; bad input throws BadInput (exit 2).
 */
export function renew(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...commonOptions, earned: { type: "string" }, "period-end": { type: "string" } },
  });
  const portfolio = readPortfolioFile(positionals[0], renewUsage);
  const earned = dateOption("earned", values.earned);
  const periodEnd = dateOption("period-end", values["period-end"]);
  if (earned > periodEnd) throw new BadInput(`--earned: ${earned} is after --period-end ${periodEnd}.`);
  const lang = langOption(values.lang);
  const { framework, category } = frameworkAndCategory(values);
  if (!category.renewal) throw new BadInput(`--category: ${framework.id} publishes no renewal rules for ${category.id}.`);

  const renewal = evaluateRenewal(framework, category, portfolio, { earned, periodEnd });
  const { requirements } = renewal;
  const report = {
    framework: { id: framework.id, version: framework.version },
    category: { id: category.id, name: category.name, abbreviation: category.abbreviation },
    asOf: periodEnd,
    status: renewal.status,
    progress: requirements.length === 0 ? 1 : requirements.reduce((sum, requirement) => sum + requirement.progress, 0) / requirements.length,
    requirements,
  };
  const t = translator(lang);
  const lines = [t("report.renewal.period", { start: renewal.periodStart, end: renewal.periodEnd }), ...(renewal.isExempt ? [t("report.renewal.exempt")] : [])];
  return printReport(report, lang, values.json === true, {
    fields: { renewal: { earned, periodStart: renewal.periodStart, periodEnd: renewal.periodEnd, isExempt: renewal.isExempt } },
    lines,
  });
}
