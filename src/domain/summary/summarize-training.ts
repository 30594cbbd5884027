import { addMonths, type Day } from "../dates.ts";
import type { Status } from "../report.ts";
import type { TrainingPlan } from "./compile-framework.ts";
import { type CompiledTraining, flag } from "./compile-portfolio.ts";
import { Scratch } from "./scratch.ts";
import { inWordSet } from "./vocabulary.ts";

export type Judged = { status: Status; progress: number };

/** The most scored buckets the minimum cut walks the subsets of; a framework with more gets the full allocation. */
export const mostScoredBuckets = 12;

const hoursBySignature = new Scratch();
const confinedScratch = new Scratch();

function hasAny(set: Uint8Array | null, words: Int32Array, from: number, to: number): boolean {
  if (set === null) return true;
  for (let at = from; at < to; at++) if (inWordSet(set, words[at]!)) return true;
  return false;
}

/**
 * A training requirement's status and progress without sharing out the hours entry by entry.
 * Only the total that the scored buckets can take matters (the full report's allocation reaches
 * the same maximum flow), and with a handful of buckets it is a minimum cut: for each set T of
 * buckets, the hours T needs plus the hours of entries that can serve a bucket outside T; the
 * smallest over all T is the most the buckets can be given. Entries are grouped by the set of
 * buckets they can serve (their signature), so the cut reads one number per signature.
 */
export function summarizeTraining(plan: TrainingPlan, training: CompiledTraining, asOf: Day): Judged {
  const { scored, factor } = plan;
  if (scored.length === 0) return { status: plan.hasUnset ? "needs-review" : "met", progress: 1 };
  const earliest = plan.withinMonths ? addMonths(asOf, -plan.withinMonths) : Number.NEGATIVE_INFINITY;
  const subsets = 1 << scored.length;
  // The common rule ("30 hours of training"): one bucket that any entry can serve.
  const isSingleUnfiltered = scored.length === 1 && scored[0]!.domains === null && scored[0]!.topics === null;
  const bySignature = hoursBySignature.zeroed(subsets);
  for (let entry = 0; entry < training.count; entry++) {
    const day = training.day[entry]!;
    if (day > asOf || day <= earliest || (training.flags[entry]! & flag.repeat) !== 0) continue;
    const clock = training.clockHours[entry]!;
    const isAcademic = Number.isNaN(clock);
    if (isAcademic && factor === null) continue;
    const units = Math.round((isAcademic ? training.academicHours[entry]! * factor! : clock) * 100);
    if (units <= 0) continue;
    if (isSingleUnfiltered) {
      bySignature[1]! += units;
      continue;
    }
    let signature = 0;
    for (let bucket = 0; bucket < scored.length; bucket++) {
      const { domains, topics } = scored[bucket]!;
      if (
        hasAny(domains, training.domains, training.domainStart[entry]!, training.domainStart[entry + 1]!) &&
        hasAny(topics, training.topics, training.topicStart[entry]!, training.topicStart[entry + 1]!)
      ) {
        signature |= 1 << bucket;
      }
    }
    bySignature[signature]! += units;
  }
  const given = scored.length === 1 ? Math.min(bySignature[1]!, scored[0]!.needUnits) : maximumFill(bySignature, subsets, scored);
  if (plan.hasUnset) return { status: "needs-review", progress: given / 100 / plan.needed };
  if (given === plan.neededUnits && plan.canBeMet) return { status: "met", progress: 1 };
  return { status: given > 0 ? "partly-met" : "unmet", progress: given / 100 / plan.needed };
}

/** The most hours the buckets can take: the minimum cut, over the subsets T of buckets, of need(T) + hours of entries not confined to T. */
function maximumFill(bySignature: Float64Array, subsets: number, scored: TrainingPlan["scored"]): number {
  // confined[T]: hours of entries every bucket of which is in T (a sum over the subsets of T, built one bucket at a time).
  const confined = confinedScratch.take(subsets);
  confined.set(bySignature.subarray(0, subsets));
  confined[0] = 0;
  let total = 0;
  for (let subset = 1; subset < subsets; subset++) total += confined[subset]!;
  for (let bit = 1; bit < subsets; bit <<= 1) {
    for (let subset = 0; subset < subsets; subset++) if (subset & bit) confined[subset]! += confined[subset ^ bit]!;
  }
  let best = Number.POSITIVE_INFINITY;
  for (let subset = 0; subset < subsets; subset++) {
    let need = 0;
    for (let bucket = 0; bucket < scored.length; bucket++) if (subset & (1 << bucket)) need += scored[bucket]!.needUnits;
    best = Math.min(best, need + total - confined[subset]!);
  }
  return best;
}
