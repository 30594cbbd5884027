import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isIsoDate } from "../../domain/dates.ts";
import { evaluate, type Stage } from "../../domain/evaluate.ts";
import type { Category, Framework } from "../../domain/framework-schema.ts";
import { type Portfolio, uniqueIdsPortfolioSchema } from "../../domain/portfolio-schema.ts";
import type { EligibilityReport } from "../../domain/report.ts";
import { findFramework, loadFrameworks } from "../../frameworks/load-frameworks.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translator } from "../../i18n/translate.ts";
import { formatReport } from "../format-report.ts";
import { reportInWords } from "../report-in-words.ts";

export const checkUsage = "check <portfolio.json> --framework <id> --category <id> [--stage application|all] [--as-of YYYY-MM-DD] [--json] [--lang en|es]";

export class BadInput extends Error {
  override name = "BadInput";
}

/** The options `check` and `renew` share: the category, the language, the output. */
export const commonOptions = { framework: { type: "string" }, category: { type: "string" }, json: { type: "boolean" }, lang: { type: "string" } } as const;

export function dateOption(name: string, value: string | undefined): string {
  if (value === undefined) throw new BadInput(`--${name}: give a date written YYYY-MM-DD.`);
  if (!isIsoDate(value)) throw new BadInput(`--${name}: "${value}" is not a date written YYYY-MM-DD.`);
  return value;
}

export function langOption(value: string | undefined): Locale {
  const lang = value ?? "en";
  if (lang !== "en" && lang !== "es") throw new BadInput(`--lang: "${lang}" must be en or es.`);
  return lang;
}

export function frameworkAndCategory(values: { framework?: string | undefined; category?: string | undefined }): { framework: Framework; category: Category } {
  const frameworks = loadFrameworks();
  const framework = findFramework(frameworks, values.framework ?? "");
  if (!framework) throw new BadInput(`--framework: "${values.framework ?? ""}" is not a framework; choose one of ${frameworks.map((f) => f.id).join(", ")}.`);
  const category = framework.categories.find((candidate) => candidate.id === values.category);
  if (!category)
    throw new BadInput(
      `--category: "${values.category ?? ""}" is not a category of ${framework.id}; choose one of ${framework.categories.map((c) => c.id).join(", ")}.`,
    );
  return { framework, category };
}

export function readPortfolioFile(file: string | undefined, usage: string): Portfolio {
  if (!file) throw new BadInput(`Give the portfolio file.\nUsage: npm run cradle -- ${usage}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new BadInput(`${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not valid JSON (${(error as Error).message})`}.`);
  }
  const parsed = uniqueIdsPortfolioSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((issue) => `  ${issue.path.join(".") || "(portfolio)"}: ${issue.message}`);
    throw new BadInput(`${file} is not a valid portfolio:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

/**
 * Prints a report, as text or as JSON (`extra` goes at the top of the JSON and, as `lines`, under
 * the overall status). Returns the exit code: 0 when the overall status is met, 1 when not.
 */
export function printReport(report: EligibilityReport, lang: Locale, json: boolean, extra: { fields: object; lines: string[] }): number {
  if (json) console.log(JSON.stringify({ ...extra.fields, ...reportInWords(report, lang) }, null, 2));
  else {
    const [heading, overall, ...rest] = formatReport(report, lang).split("\n");
    console.log([heading, overall, ...extra.lines, ...rest].join("\n"));
  }
  return report.status === "met" ? 0 : 1;
}

/**
 * Prints where a portfolio stands for a category. Returns the exit code: 0 when every requirement
 * is met, the exam included (with `--stage application`: every requirement to apply, after which
 * the person sits the exam), 1 when not; bad input throws BadInput (exit 2).
 */
export function check(args: string[], today: string): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...commonOptions, "as-of": { type: "string" }, stage: { type: "string" } },
  });
  const portfolio = readPortfolioFile(positionals[0], checkUsage);
  const asOf = dateOption("as-of", values["as-of"] ?? today);
  const lang = langOption(values.lang);
  const stage = values.stage ?? "all";
  if (stage !== "application" && stage !== "all") throw new BadInput(`--stage: "${stage}" must be application or all.`);
  const { framework, category } = frameworkAndCategory(values);

  const report = evaluate(framework, category, portfolio, asOf, stage satisfies Stage);
  return printReport(report, lang, values.json === true, { fields: { stage }, lines: [translator(lang)(`report.stage.${stage}`)] });
}
