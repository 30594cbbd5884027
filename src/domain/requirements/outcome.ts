import type { Day } from "../dates.ts";
import { describeShortfall } from "../explain.ts";
import type { Framework } from "../framework-schema.ts";
import type { PreparedPortfolio } from "../prepare-portfolio.ts";
import { type Counted, type Excluded, type Measure, type RequirementReport, type Status, statusOfMeasures } from "../report.ts";
import type { ReportText } from "../report-messages.ts";

export type EvaluationContext = { framework: Framework; prepared: PreparedPortfolio; asOf: Day };

/** What a requirement's evaluator returns; evaluate() adds the requirement's id, label and source. */
export type Outcome = Pick<RequirementReport, "status" | "progress" | "measures" | "counted" | "excluded" | "missing" | "options">;

/** An outcome judged by its numbers, with the shortfall spelled out (plus any extra condition). */
export function outcomeFromMeasures(measures: Measure[], counted: Counted[], excluded: Excluded[], extra?: { isMet: boolean; missing: ReportText }): Outcome {
  const judged = statusOfMeasures(measures);
  let status: Status = judged.status;
  if (extra && !extra.isMet && status === "met") status = "partly-met";
  const texts = [...describeShortfall(measures), ...(extra && !extra.isMet ? [extra.missing] : [])];
  const missing = texts.length === 0 ? null : texts;
  return { status, progress: status === "partly-met" && judged.progress === 1 ? 0.95 : judged.progress, measures, counted, excluded, missing };
}

/** An outcome that is met or not, without numbers. */
export function yesOrNo(isMet: boolean, missing: ReportText, counted: Counted[] = [], excluded: Excluded[] = []): Outcome {
  return { status: isMet ? "met" : "unmet", progress: isMet ? 1 : 0, measures: [], counted, excluded, missing: isMet ? null : [missing] };
}
