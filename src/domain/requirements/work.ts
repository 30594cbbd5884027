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

/**
 * The share of an entry's ages inside the wanted ones. Ages are whole months of age, both ends
 * included ("0-36" is a child of 0 up to 36 completed months), read as the half-open interval
 * [from, to + 1), so the infant band 0-36 and the early childhood band 37-71 meet without
 * overlapping. Months of pregnancy (below 0) go with the band that begins at birth.
 */
export function shareWithinAges(entryFrom: number, entryTo: number, wanted: AgeRange): number {
  const wantedFrom = wanted.fromMonths === 0 ? Math.min(entryFrom, 0) : wanted.fromMonths;
  const inside = Math.min(entryTo, wanted.toMonths) + 1 - Math.max(entryFrom, wantedFrom);
  return Math.max(inside, 0) / (entryTo + 1 - entryFrom);
}

/** The age bands an entry may give its families for (`familiesByBand`): infant 0-36 months, early childhood 37-71. */
const infantBand = { fromMonths: 0, toMonths: 36 } as const;
const earlyChildhoodBand = { fromMonths: 37, toMonths: 71 } as const;

/**
 * The families a job counts for a band: what the entry says it served in the band (NaN: not said)
 * when the requirement's band lies within that band (pregnancy counted with the infant band),
 * otherwise the job's families at its share of ages within the band.
 */
export function familiesWithin(served: number, infant: number, earlyChildhood: number, wanted: AgeRange | undefined, share: number): number {
  if (wanted) {
    // The infant band begins at birth and takes in pregnancy: any band starting below it is within it.
    if (!Number.isNaN(infant) && wanted.toMonths <= infantBand.toMonths) return infant;
    if (!Number.isNaN(earlyChildhood) && wanted.fromMonths >= earlyChildhoodBand.fromMonths && wanted.toMonths <= earlyChildhoodBand.toMonths)
      return earlyChildhood;
  }
  return served * share;
}

/** What a job gives a requirement: its reason when it does not count, else its covered days at its share. */
type JobVerdict = { reason: ExclusionReason } | { first: Day; last: Day; share: number };

/**
 * Qualifying work as calendar time and families: each job judged, the counted ones as
 * intervals weighted by their share of the age band. Shared by the full report and the summary.
 */
export function countWork(
  requirement: WorkRequirement,
  context: Pick<EvaluationContext, "prepared" | "asOf">,
  visit?: (entry: Work, verdict: JobVerdict) => void,
) {
  const { prepared, asOf } = context;
  const notBefore = startingDay(requirement, context);
  const intervals: Array<[Day, Day, number]> = [];
  let families = 0;

  const whyNot = (entry: Work, start: Day, first: Day, last: Day, share: number): ExclusionReason | null => {
    if (start > asOf) return "after-date";
    if (requirement.paid && !entry.paid) {
      // Supervised volunteer work counts as paid work where the rule says so, if it names who supervised it.
      if (!requirement.acceptSupervisedVolunteer || entry.kind !== "supervised-volunteer") return "not-paid";
      if (!entry.supervisor?.trim()) return "not-supervised";
    }
    if (requirement.kinds && !requirement.kinds.includes(entry.kind)) return "wrong-kind";
    // Ages left out are not held against the person: only ages given outside the range are.
    if (share === 0) return "wrong-ages";
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
    // A job with children of several ages counts for the part within the band: by time, and by
    // families unless the entry says how many families it served in the band.
    const share = requirement.ages && entry.ages ? shareWithinAges(entry.ages.fromMonths, entry.ages.toMonths, requirement.ages) : 1;
    const reason = whyNot(entry, start, first, last, share);
    if (reason) {
      visit?.(entry, { reason });
      continue;
    }
    intervals.push([first, last, share]);
    families += familiesWithin(
      entry.familiesServed,
      entry.familiesByBand?.infant ?? Number.NaN,
      entry.familiesByBand?.earlyChildhood ?? Number.NaN,
      requirement.ages,
      share,
    );
    visit?.(entry, { first, last, share });
  }
  return { years: floorHundredths(weightedDays(intervals) / daysPerYear), families: floorHundredths(families) };
}

/** The numbers a work requirement is judged on: years and families, each only where the rule asks for it. */
export function workMeasures(requirement: WorkRequirement, counts: { years: number; families: number }): Measure[] {
  const measures: Measure[] = [];
  if (requirement.years !== 0) {
    measures.push({ id: "years", label: message("engine.measure.workYears"), have: counts.years, need: requirement.years, unit: "years" });
  }
  if (requirement.families !== 0) {
    measures.push({ id: "families", label: message("engine.measure.familiesServed"), have: counts.families, need: requirement.families, unit: "families" });
  }
  return measures;
}

/**
 * Years of qualifying work, counted as calendar time: overlapping jobs count once, a job still
 * going on counts up to the date checked, and time before the degree (or endorsement) the rule
 * names is left out. Families served add up over the qualifying jobs.
 */
export function evaluateWork(requirement: WorkRequirement, context: EvaluationContext): Outcome {
  const counted: Counted[] = [];
  const excluded: Excluded[] = [];
  const counts = countWork(requirement, context, (entry, verdict) => {
    if ("reason" in verdict) excluded.push({ entryId: entry.id, reason: verdict.reason });
    else counted.push({ entryId: entry.id, amount: floorHundredths(((verdict.last - verdict.first + 1) * verdict.share) / daysPerYear) });
  });
  return outcomeFromMeasures(workMeasures(requirement, counts), counted, excluded);
}

/** The first day work may count from; undefined when the rule needs a degree or endorsement the person lacks. */
function startingDay(requirement: WorkRequirement, context: Pick<EvaluationContext, "prepared" | "asOf">): Day | null | undefined {
  if (requirement.afterEducation) return completedLevelOn(context.prepared, requirement.afterEducation, context.asOf) ?? undefined;
  if (requirement.afterCredential) return earnedOn(context.prepared.portfolio.credentials, requirement.afterCredential) ?? undefined;
  return null;
}

/**
 * Days covered, each day weighted by the largest share of any job on it: overlapping jobs count
 * once, and a job only partly within the band counts that part. With every share 1 this is the
 * union of the intervals. Summed by levels: the days covered at share s or more, times the step to s.
 */
export function weightedDays(intervals: Array<[Day, Day, number]>): number {
  const shares = [...new Set(intervals.map(([, , share]) => share))].sort((a, b) => b - a);
  let total = 0;
  shares.forEach((share, index) => {
    const next = shares[index + 1] ?? 0;
    total += (share - next) * coveredDays(intervals.filter(([, , other]) => other >= share).map(([start, end]) => [start, end]));
  });
  return total;
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
