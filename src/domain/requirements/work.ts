import type { Day } from "../dates.ts";
import type { Requirement } from "../framework-schema.ts";
import type { AgeRange } from "../portfolio-schema.ts";
import { completedLevelOn, earnedOn } from "../prepare-portfolio.ts";
import { type Counted, type Excluded, type ExclusionReason, floorHundredths, type Measure } from "../report.ts";
import { message } from "../report-messages.ts";
import { type EvaluationContext, type Outcome, outcomeFromMeasures } from "./outcome.ts";

type WorkRequirement = Extract<Requirement, { kind: "work" }>;
type Work = EvaluationContext["prepared"]["work"][number]["entry"];

// A year of work is 365 days of covered time (a leap day is a day more, not a fraction of a year).
const daysPerYear = 365;

export function overlapsAges(entry: AgeRange, wanted: AgeRange): boolean {
  return entry.fromMonths <= wanted.toMonths && wanted.fromMonths <= entry.toMonths;
}

/**
 * Years of qualifying work, counted as calendar time: overlapping jobs count once, a job still
 * going on counts up to the date checked, and time before the degree (or endorsement) the rule
 * names is left out. Families served add up over the qualifying jobs.
 */
export function evaluateWork(requirement: WorkRequirement, context: EvaluationContext): Outcome {
  const { prepared, asOf } = context;
  const counted: Counted[] = [];
  const excluded: Excluded[] = [];
  const notBefore = startingDay(requirement, context);
  const intervals: Array<[Day, Day]> = [];
  let families = 0;

  const whyNot = (entry: Work, start: Day, first: Day, last: Day): ExclusionReason | null => {
    if (start > asOf) return "after-date";
    if (requirement.paid && !entry.paid) return "not-paid";
    if (requirement.kinds && !requirement.kinds.includes(entry.kind)) return "wrong-kind";
    // Ages left out are not held against the person: only ages given outside the range are.
    if (requirement.ages && entry.ages && !overlapsAges(entry.ages, requirement.ages)) return "wrong-ages";
    if (requirement.relationshipFocused && !entry.relationshipFocused) return "not-relationship-focused";
    if (requirement.withParents && !entry.withParents) return "not-with-parents";
    // Supervised work names who supervised it (the person asked to confirm it); without one it does not count.
    if (requirement.supervised && !entry.supervisor?.trim()) return "not-supervised";
    // No such degree or endorsement, or the job ended before it: nothing of the job counts.
    if (notBefore === undefined || first > last) return requirement.afterEducation ? "before-education" : "before-credential";
    return null;
  };

  for (const { entry, start, end } of prepared.work) {
    const last = Math.min(end ?? asOf, asOf);
    const first = Math.max(start, notBefore ?? start);
    const reason = whyNot(entry, start, first, last);
    if (reason) {
      excluded.push({ entryId: entry.id, reason });
      continue;
    }
    intervals.push([first, last]);
    families += entry.familiesServed;
    counted.push({ entryId: entry.id, amount: floorHundredths((last - first + 1) / daysPerYear) });
  }

  const measures: Measure[] = [];
  if (requirement.years !== 0) {
    measures.push({
      id: "years",
      label: message("engine.measure.workYears"),
      have: floorHundredths(coveredDays(intervals) / daysPerYear),
      need: requirement.years,
      unit: "years",
    });
  }
  if (requirement.families !== 0) {
    measures.push({ id: "families", label: message("engine.measure.familiesServed"), have: families, need: requirement.families, unit: "families" });
  }
  return outcomeFromMeasures(measures, counted, excluded);
}

/** The first day work may count from; undefined when the rule needs a degree or endorsement the person lacks. */
function startingDay(requirement: WorkRequirement, context: EvaluationContext): Day | null | undefined {
  if (requirement.afterEducation) return completedLevelOn(context.prepared, requirement.afterEducation, context.asOf) ?? undefined;
  if (requirement.afterCredential) return earnedOn(context.prepared.portfolio.credentials, requirement.afterCredential) ?? undefined;
  return null;
}

/** Days covered by the union of inclusive intervals. */
function coveredDays(intervals: Array<[Day, Day]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [Day, Day] | null = null;
  for (const [start, end] of sorted) {
    if (current && start <= current[1] + 1) current[1] = Math.max(current[1], end);
    else {
      if (current) total += current[1] - current[0] + 1;
      current = [start, end];
    }
  }
  if (current) total += current[1] - current[0] + 1;
  return total;
}
