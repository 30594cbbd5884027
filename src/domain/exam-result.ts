import { addMonths, toDay, toIso } from "./dates.ts";
import type { Category } from "./framework-schema.ts";

/**
 * The endorsement exam's rule (endorsement-rules.md 2.2): Part 1 is items correct against the
 * framework's pass mark; Part 2 is rated pass / not yet by two raters blind to the examinee, and
 * when the two differ a third rater decides. The exam is passed when both parts pass in one sitting.
 */
export const examResults = ["pass", "not-yet"] as const;
export type ExamResult = (typeof examResults)[number];

export const ratingRounds = ["first", "second", "third"] as const;
export type RatingRound = (typeof ratingRounds)[number];

export type ExamRules = { part1Items: number; part1PassPercent: number; retakeAfterMonths: number };

/** Where a source gives no waiting period, a retake waits a year: the only figure published (CT-AIMH, S44). */
const defaultRetakeMonths = 12;

/** The rules of a category's exam from the framework data; undefined for a category without an exam. */
export function examRules(category: Category): ExamRules | undefined {
  const exam = category.requirements.find((requirement) => requirement.kind === "exam");
  if (!exam) return undefined;
  const part1 = exam.parts.find((part) => part.items !== undefined && part.passPercent !== null);
  return {
    part1Items: part1?.items ?? 60,
    part1PassPercent: part1?.passPercent ?? 80,
    retakeAfterMonths: exam.retakeAfterMonths ?? defaultRetakeMonths,
  };
}

/** Part 1 passes at the pass mark or above, in whole numbers (48 of 60 is exactly 80%). */
export function part1Passes(correct: number, rules: Pick<ExamRules, "part1Items" | "part1PassPercent">): boolean {
  return correct * 100 >= rules.part1PassPercent * rules.part1Items;
}

type SubmittedRating = { round: RatingRound; result: ExamResult | null };

/**
 * Part 2's result from the submitted ratings: the first two when they agree; the third's when
 * they differ. "needs-third" when the two differ and no third has rated; "pending" until then.
 */
export function part2Result(ratings: readonly SubmittedRating[]): ExamResult | "pending" | "needs-third" {
  const of = (round: RatingRound) => ratings.find((rating) => rating.round === round)?.result ?? null;
  const [first, second, third] = [of("first"), of("second"), of("third")];
  if (first === null || second === null) return "pending";
  if (first === second) return first;
  return third ?? "needs-third";
}

/** The exam's result: pending until Part 1 is recorded and Part 2 is settled; pass only when both parts pass. */
export function examResult(
  sitting: { part1Correct: number | null; part2Ratings: readonly SubmittedRating[] },
  rules: Pick<ExamRules, "part1Items" | "part1PassPercent">,
): ExamResult | "pending" | "needs-third" {
  const part2 = part2Result(sitting.part2Ratings);
  if (part2 === "needs-third") return part2;
  if (sitting.part1Correct === null || part2 === "pending") return "pending";
  return part1Passes(sitting.part1Correct, rules) && part2 === "pass" ? "pass" : "not-yet";
}

/** The first day a person whose exam was "not yet" on `decidedOn` may sit again. */
export function retakeAllowedFrom(decidedOn: string, rules: Pick<ExamRules, "retakeAfterMonths">): string {
  return toIso(addMonths(toDay(decidedOn), rules.retakeAfterMonths));
}
