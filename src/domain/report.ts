import type { RequirementKind, Text } from "./framework-schema.ts";

export type Status = "met" | "partly-met" | "unmet" | "needs-review";
export type Unit = "hours" | "years" | "families" | "references" | "recipients" | "observations" | "months";

/** One number a requirement is judged on: what the person has, what the rule asks (null: not set by any source). */
export type Measure = { id: string; label: Text; have: number; need: number | null; unit: Unit };

export type ExclusionReason =
  | "after-date"
  | "outside-window"
  | "not-completed"
  | "level-too-low"
  | "unrelated-field"
  | "expired"
  | "not-paid"
  | "wrong-kind"
  | "wrong-ages"
  | "not-relationship-focused"
  | "not-with-parents"
  | "before-education"
  | "before-credential"
  | "no-matching-domain"
  | "no-conversion-factor"
  | "duplicate"
  | "peer"
  | "provider-not-qualified"
  | "group-too-large"
  | "not-about-provided"
  | "not-to-leader"
  | "void-rating"
  | "over-role-limit"
  | "too-long"
  | "not-official";

export type Counted = { entryId: string; amount: number; toward?: string };
export type Excluded = { entryId: string; reason: ExclusionReason };

export type RequirementReport = {
  id: string;
  kind: RequirementKind;
  label: Text;
  source: string;
  stage: "application" | "after-review";
  status: Status;
  /** 0..1: how far along, for ranking and progress bars. */
  progress: number;
  measures: Measure[];
  counted: Counted[];
  excluded: Excluded[];
  /** What is still missing, in plain words; null when met. */
  missing: Text | null;
  options?: RequirementReport[];
};

export type EligibilityReport = {
  framework: { id: string; version: string };
  category: { id: string; name: Text; abbreviation: string };
  asOf: string;
  /** Over the requirements to apply; the exam (after review) is reported but not counted here. */
  status: Status;
  progress: number;
  requirements: RequirementReport[];
};

/** Status from numbers: met when every measure reaches its need; needs review when a need is unset. */
export function statusOfMeasures(measures: Measure[]): { status: Status; progress: number } {
  const scored = measures.filter((measure) => measure.need !== null && measure.need > 0);
  const progress = scored.length === 0 ? 1 : scored.reduce((sum, m) => sum + Math.min(m.have / m.need!, 1), 0) / scored.length;
  if (measures.some((measure) => measure.need === null)) return { status: "needs-review", progress };
  if (measures.every((measure) => measure.need === null || measure.have >= measure.need)) return { status: "met", progress: 1 };
  return { status: measures.some((measure) => measure.have > 0) ? "partly-met" : "unmet", progress };
}

/** The overall status of several requirements. */
export function combineStatuses(statuses: Status[]): Status {
  if (statuses.every((status) => status === "met")) return "met";
  if (statuses.every((status) => status === "met" || status === "needs-review")) return "needs-review";
  // Waiting for review is not progress: only something met or partly met is.
  return statuses.some((status) => status === "met" || status === "partly-met") ? "partly-met" : "unmet";
}

/** Hours rounded to hundredths, so sums of decimals print as people expect. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Rounded down to hundredths: 1.999 years is not 2 years. */
export function floorHundredths(value: number): number {
  return Math.floor(value * 100 + 1e-9) / 100;
}
