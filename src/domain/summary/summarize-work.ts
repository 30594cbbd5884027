import type { Day } from "../dates.ts";
import { type CompiledShort, earnedWordOn } from "./compile-short.ts";
import { floorHundredths, Tally } from "../report.ts";
import { familiesWithin, shareWithinAges } from "../requirements/work.ts";
import type { WorkPlan } from "./compile-framework.ts";
import { type CompiledWork, workFlag } from "./compile-portfolio.ts";
import { Scratch } from "./scratch.ts";
import type { Judged } from "./summarize-training.ts";

const tally = new Tally();
const firstScratch = new Scratch();
const lastScratch = new Scratch();
const shareScratch = new Scratch();
const daysPerYear = 365;

/**
 * Work, as `evaluateWork` judges it, from the compiled jobs: each job's counted days and share of
 * the band, then the days covered weighted by the largest share on each day (as `weightedDays`),
 * walking the jobs by first day so that no interval is sorted again.
 */
export function summarizeWork(plan: WorkPlan, work: CompiledWork, short: CompiledShort, asOf: Day): Judged {
  const { requirement, kinds, requiredFlags: required, isPaid, volunteerKind, ages } = plan;
  // As `startingDay`: the first day work may count from; undefined when the degree or endorsement is missing.
  const notBefore =
    plan.afterRank !== null
      ? completedAtRank(short, plan.afterRank, asOf)
      : plan.afterCredential
        ? (earnedWordOn(short.credentials, plan.afterCredential) ?? undefined)
        : null;
  const firsts = firstScratch.take(work.count);
  const lasts = lastScratch.take(work.count);
  const shares = shareScratch.take(work.count);
  let families = 0;
  let allWhole = true;
  for (let index = 0; index < work.count; index++) {
    shares[index] = 0;
    const start = work.start[index]!;
    const end = work.end[index]!;
    const last = Math.min(Number.isNaN(end) ? asOf : end, asOf);
    const first = Math.max(start, notBefore ?? start);
    const flags = work.flags[index]!;
    const share = ages && (flags & workFlag.hasAges) !== 0 ? shareWithinAges(work.agesFrom[index]!, work.agesTo[index]!, ages) : 1;
    if (
      start > asOf ||
      (flags & required) !== required ||
      (isPaid && (flags & workFlag.paid) === 0 && !(work.kind[index] === volunteerKind && (flags & workFlag.supervised) !== 0)) ||
      (kinds !== null && kinds[work.kind[index]!] !== 1) ||
      share === 0
    )
      continue;
    if (notBefore === undefined || first > last) continue;
    firsts[index] = first;
    lasts[index] = last;
    shares[index] = share;
    if (share !== 1) allWhole = false;
    families += familiesWithin(work.families[index]!, work.infantFamilies[index]!, work.earlyFamilies[index]!, ages ?? undefined, share);
  }
  tally.reset();
  if (requirement.years !== 0) {
    const days = allWhole ? coveredDays(work, firsts, lasts, shares, 1) : weightedDays(work, firsts, lasts, shares);
    tally.add(floorHundredths(days / daysPerYear), requirement.years);
  }
  if (requirement.families !== 0) tally.add(floorHundredths(families), requirement.families);
  return { status: tally.status, progress: tally.progress };
}

/** As `weightedDays`: by levels, the days covered at each share or more, times the step down to the next share. */
function weightedDays(work: CompiledWork, firsts: Float64Array, lasts: Float64Array, shares: Float64Array): number {
  let total = 0;
  // Each distinct share from the largest down, found by scanning (a job has few shares, and there are few jobs).
  let level = Number.POSITIVE_INFINITY;
  for (;;) {
    let share = 0;
    for (let index = 0; index < work.count; index++) if (shares[index]! < level && shares[index]! > share) share = shares[index]!;
    if (share === 0) return total;
    let next = 0;
    for (let index = 0; index < work.count; index++) if (shares[index]! < share && shares[index]! > next) next = shares[index]!;
    total += (share - next) * coveredDays(work, firsts, lasts, shares, share);
    level = share;
  }
}

/** Days covered by the counted jobs whose share is at least `atLeast`, walked by first day (the order of their starts). */
function coveredDays(work: CompiledWork, firsts: Float64Array, lasts: Float64Array, shares: Float64Array, atLeast: number): number {
  let total = 0;
  let from = Number.NaN;
  let to = Number.NaN;
  for (let at = 0; at < work.count; at++) {
    const index = work.byStart[at]!;
    if (shares[index]! < atLeast || shares[index] === 0) continue;
    if (!Number.isNaN(from) && firsts[index]! <= to + 1) to = Math.max(to, lasts[index]!);
    else {
      if (!Number.isNaN(from)) total += to - from + 1;
      from = firsts[index]!;
      to = lasts[index]!;
    }
  }
  return Number.isNaN(from) ? total : total + to - from + 1;
}

/** As `completedLevelOn`: the first day a degree at the rank or higher was completed, by the date. */
function completedAtRank(short: CompiledShort, rank: number, asOf: Day): Day | undefined {
  let first: Day | undefined;
  for (const entry of short.education) {
    if (entry.completed <= asOf && entry.rank >= rank && (first === undefined || entry.completed < first)) first = entry.completed;
  }
  return first;
}
