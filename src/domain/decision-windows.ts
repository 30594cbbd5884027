import { addMonths, toDay, toIso } from "./dates.ts";
import type { ReviewOutcome } from "./review-outcomes.ts";

/** An approval to sit the exam lasts one year from the decision; after it, the approval has expired. */
const examApprovalMonths = 12;

/**
 * How long an emerging status lasts when the framework gives no deadline. None of the shipped
 * frameworks states one (frameworks/*.json has no such field), so Cradle's default is two years,
 * the usual span of the Alliance associations' emerging plans; a framework field would replace it.
 */
export const defaultEmergingMonths = 24;

export type DecisionWindows = { exam_approved_until: string | null; emerging_until: string | null };

/**
 * The windows a decision opens, counted from the decision day in the association's time zone: the
 * exam approval (approve-for-exam) and the emerging deadline (emerging). Every other outcome clears
 * both; hold keeps them as they were (nothing expires meanwhile), so it has none of its own.
 */
export function decisionWindows(outcome: ReviewOutcome, decidedOn: string): Partial<DecisionWindows> {
  const day = toDay(decidedOn);
  if (outcome === "hold") return {};
  return {
    exam_approved_until: outcome === "approve-for-exam" ? toIso(addMonths(day, examApprovalMonths)) : null,
    emerging_until: outcome === "emerging" ? toIso(addMonths(day, defaultEmergingMonths)) : null,
  };
}

/**
 * After a "not yet", the approval to sit the exam runs a full approval period from the day the
 * retake opens, never shorter than it was: otherwise the year's wait would outlast the year's approval.
 */
export function approvalForRetake(currentUntil: string | null, retakeFrom: string): string {
  const renewed = toIso(addMonths(toDay(retakeFrom), examApprovalMonths));
  return currentUntil !== null && currentUntil > renewed ? currentUntil : renewed;
}

/** Whether an approval to sit the exam has run out on `today` (the last day it lasts is still valid). */
export function examApprovalExpired(application: { status: string; exam_approved_until: string | null }, today: string): boolean {
  return application.status === "approved-for-exam" && application.exam_approved_until !== null && application.exam_approved_until < today;
}
