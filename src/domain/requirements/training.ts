import { addMonths } from "../dates.ts";
import { allocateHours } from "../allocate-hours.ts";
import type { Requirement } from "../framework-schema.ts";
import { type Counted, type Excluded, type ExclusionReason, type Measure, round } from "../report.ts";
import { type EvaluationContext, type Outcome, outcomeFromMeasures } from "./outcome.ts";

type TrainingRequirement = Extract<Requirement, { kind: "training" }>;
type Bucket = TrainingRequirement["buckets"][number];

function isEligible(bucket: Bucket, entry: { domains: string[]; topics: string[] }): boolean {
  if (bucket.domains && !bucket.domains.some((domain) => entry.domains.includes(domain))) return false;
  if (bucket.topics && !bucket.topics.some((topic) => entry.topics.includes(topic))) return false;
  return true;
}

/**
 * Training hours split over buckets (the knowledge domains, or the DEI and RS/C parts of a
 * minimum). Academic course hours convert by the framework's factor; an entry listed twice
 * counts once; the allocation never counts an hour in two buckets.
 */
export function evaluateTraining(requirement: TrainingRequirement, context: EvaluationContext): Outcome {
  const factor = context.framework.academicCourseHourFactor;
  // "Within 12 months" of 31 December 2025 starts on 1 January 2025: the day 12 months before is out.
  const earliest = requirement.withinMonths ? addMonths(context.asOf, -requirement.withinMonths) : null;
  const excluded: Excluded[] = [];
  const candidates: Array<{ id: string; hours: number; eligible: number[] }> = [];

  const whyNot = (day: number, hours: number | null, isRepeat: boolean, buckets: number): ExclusionReason | null => {
    if (day > context.asOf) return "after-date";
    if (earliest !== null && day <= earliest) return "outside-window";
    if (hours === null) return "no-conversion-factor";
    if (isRepeat) return "duplicate";
    if (buckets === 0) return "no-matching-domain";
    return null;
  };

  for (const { entry, day, isRepeat } of context.prepared.training) {
    const hours = entry.clockHours ?? (factor === null ? null : entry.academicCourseHours! * factor);
    const eligible: number[] = [];
    for (let index = 0; index < requirement.buckets.length; index++) if (isEligible(requirement.buckets[index]!, entry)) eligible.push(index);
    const reason = whyNot(day, hours, isRepeat, eligible.length);
    if (reason) excluded.push({ entryId: entry.id, reason });
    else candidates.push({ id: entry.id, hours: hours!, eligible });
  }

  const allocation = allocateHours({ entries: candidates, needs: requirement.buckets.map((bucket) => bucket.hours) });
  const counted: Counted[] = [];
  candidates.forEach((candidate, index) => {
    for (const [bucket, hours] of allocation.given[index]!) {
      counted.push({ entryId: candidate.id, amount: round(hours), toward: requirement.buckets[bucket]!.id });
    }
  });
  const measures: Measure[] = requirement.buckets.map((bucket, index) => ({
    id: bucket.id,
    label: bucket.label,
    have: round(allocation.bucketHours[index]!),
    need: bucket.hours,
    unit: "hours",
  }));
  const outcome = outcomeFromMeasures(measures, counted, excluded);
  // Progress as the share of all needed hours found: the allocation maximises it, so more entries never lower it.
  const set = measures.filter((measure) => measure.need !== null && measure.need > 0);
  const needed = set.reduce((sum, measure) => sum + measure.need!, 0);
  const found = set.reduce((sum, measure) => sum + Math.min(measure.have, measure.need!), 0);
  return { ...outcome, progress: outcome.status === "met" || needed === 0 ? outcome.progress : found / needed };
}
