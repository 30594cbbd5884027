import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isIsoDate } from "../../domain/dates.ts";
import { evaluate } from "../../domain/evaluate.ts";
import { uniqueIdsPortfolioSchema } from "../../domain/portfolio-schema.ts";
import { findFramework, loadFrameworks } from "../../frameworks/load-frameworks.ts";
import { formatReport } from "../format-report.ts";
import { reportInWords } from "../report-in-words.ts";

export const checkUsage = "check <portfolio.json> --framework <id> --category <id> [--as-of YYYY-MM-DD] [--json] [--lang en|es]";

export class BadInput extends Error {
  override name = "BadInput";
}

/**
 * Prints where a portfolio stands for a category. Returns the exit code: 0 when every
 * requirement to apply is met, 1 when not; bad input throws BadInput (exit 2).
 */
export function check(args: string[], today: string): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { framework: { type: "string" }, category: { type: "string" }, "as-of": { type: "string" }, json: { type: "boolean" }, lang: { type: "string" } },
  });
  const file = positionals[0];
  if (!file) throw new BadInput(`Give the portfolio file.\nUsage: npm run cradle -- ${checkUsage}`);
  const asOf = values["as-of"] ?? today;
  if (!isIsoDate(asOf)) throw new BadInput(`--as-of: "${asOf}" is not a date written YYYY-MM-DD.`);
  const lang = values.lang ?? "en";
  if (lang !== "en" && lang !== "es") throw new BadInput(`--lang: "${lang}" must be en or es.`);

  const frameworks = loadFrameworks();
  const framework = findFramework(frameworks, values.framework ?? "");
  if (!framework) throw new BadInput(`--framework: "${values.framework ?? ""}" is not a framework; choose one of ${frameworks.map((f) => f.id).join(", ")}.`);
  const category = framework.categories.find((candidate) => candidate.id === values.category);
  if (!category)
    throw new BadInput(
      `--category: "${values.category ?? ""}" is not a category of ${framework.id}; choose one of ${framework.categories.map((c) => c.id).join(", ")}.`,
    );

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

  const report = evaluate(framework, category, parsed.data, asOf);
  console.log(values.json ? JSON.stringify(reportInWords(report, lang), null, 2) : formatReport(report, lang));
  return report.status === "met" ? 0 : 1;
}
