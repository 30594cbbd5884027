import type { RequirementKind, Text } from "./framework-schema.ts";
import type { ExclusionReason, Unit } from "./report-codes.ts";
import type { ReportText } from "./report-messages.ts";

export type Status = "met" | "partly-met" | "unmet" | "needs-review";
export type { ExclusionReason, Unit };

/** One number a requirement is judged on: what the person has, what the rule asks (null: not set by any source). */
export type Measure = { id: string; label: ReportText; have: number; need: number | null; unit: Unit };

export type Counted = { entryId: string; amount: number; toward?: string };
export type Excluded = { entryId: string; reason: ExclusionReason };

export type RequirementReport = {
  id: string;
  kind: RequirementKind;
  /** The framework's label; renewal's own requirements are named by the engine. */
  label: ReportText;
  source: string;
  stage: "application" | "after-review";
  status: Status;
  /** 0..1: how far along, for ranking and progress bars. */
  progress: number;
  measures: Measure[];
  counted: Counted[];
  excluded: Excluded[];
  /** What is still missing, in plain words (one text per shortfall); null when met. */
  missing: ReportText[] | null;
  options?: RequirementReport[];
};

export type EligibilityReport = {
  framework: { id: string; version: string };
  category: { id: string; name: Text; abbreviation: string };
  asOf: string;
  /** Over the requirements to apply (the exam, after review, is reported but not counted), or over all of them when asked (`evaluate`'s `stage`). */
  status: Status;
  progress: number;
  requirements: RequirementReport[];
};

/**
 * A report as frozen in an application snapshot. Snapshots are never rewritten (their SHA-256 is
 * over what was stored), and those frozen before the engine's words became messages hold every
 * text as an {en, es} pair, what was missing as one pair: presenters read both shapes.
 */
export type StoredRequirementReport = Omit<RequirementReport, "missing" | "options"> & {
  missing: ReportText[] | Text | null;
  options?: StoredRequirementReport[];
};
export type StoredEligibilityReport = Omit<EligibilityReport, "requirements"> & { requirements: StoredRequirementReport[] };

/**
 * Status from numbers, one measure at a time: met when every measure reaches its need; needs
 * review when a need is unset; progress is the mean share of the needs above zero. The summary
 * path reuses one tally in its loops instead of building measures.
 */
export class Tally {
  private scored = 0;
  private shares = 0;
  private isUnset = false;
  private isShort = false;
  private hasAny = false;

  reset(): this {
    this.scored = 0;
    this.shares = 0;
    this.isUnset = false;
    this.isShort = false;
    this.hasAny = false;
    return this;
  }

  add(have: number, need: number | null): this {
    if (need === null) this.isUnset = true;
    else {
      if (need > 0) {
        this.scored++;
        this.shares += Math.min(have / need, 1);
      }
      if (!(have >= need)) this.isShort = true;
    }
    if (have > 0) this.hasAny = true;
    return this;
  }

  get status(): Status {
    if (this.isUnset) return "needs-review";
    if (!this.isShort) return "met";
    return this.hasAny ? "partly-met" : "unmet";
  }

  get progress(): number {
    if (!this.isUnset && !this.isShort) return 1;
    return this.scored === 0 ? 1 : this.shares / this.scored;
  }
}

export function statusOfMeasures(measures: ReadonlyArray<Pick<Measure, "have" | "need">>): { status: Status; progress: number } {
  const tally = new Tally();
  for (const measure of measures) tally.add(measure.have, measure.need);
  return { status: tally.status, progress: tally.progress };
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
