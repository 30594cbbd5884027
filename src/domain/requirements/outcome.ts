import type { Day } from "../dates.ts";
import { describeShortfall } from "../explain.ts";
import type { Framework } from "../framework-schema.ts";
import type { PreparedPortfolio } from "../prepare-portfolio.ts";
import { type Counted, type Excluded, type Measure, type RequirementReport, type Status, statusOfMeasures } from "../report.ts";
import type { ReportText } from "../report-messages.ts";

export type EvaluationContext = { framework: Framework; prepared: PreparedPortfolio; asOf: Day };

/** What a requirement's evaluator returns; evaluate() adds the requirement's id, label and source. */
export type Outcome = Pick<RequirementReport, "status" | "progress" | "measures" | "counted" | "excluded" | "missing" | "options">;

/** Status and progress from numbers and one extra condition: met numbers with the condition unmet are partly met, at 95%. */
export function judge(measures: ReadonlyArray<Pick<Measure, "have" | "need">>, extraIsMet = true): { status: Status; progress: number } {
  const judged = statusOfMeasures(measures);
  const status: Status = !extraIsMet && judged.status === "met" ? "partly-met" : judged.status;
  return { status, progress: status === "partly-met" && judged.progress === 1 ? 0.95 : judged.progress };
}

/** An outcome judged by its numbers, with the shortfall spelled out (plus any extra condition). */
export function outcomeFromMeasures(measures: Measure[], counted: Counted[], excluded: Excluded[], extra?: { isMet: boolean; missing: ReportText }): Outcome {
  const { status, progress } = judge(measures, extra?.isMet ?? true);
  const texts = [...describeShortfall(measures), ...(extra && !extra.isMet ? [extra.missing] : [])];
  const missing = texts.length === 0 ? null : texts;
  return { status, progress, measures, counted, excluded, missing };
}

/** An outcome that is met or not, without numbers. */
export function yesOrNo(isMet: boolean, missing: ReportText, counted: Counted[] = [], excluded: Excluded[] = []): Outcome {
  return { status: isMet ? "met" : "unmet", progress: isMet ? 1 : 0, measures: [], counted, excluded, missing: isMet ? null : [missing] };
}
