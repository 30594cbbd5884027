import type { ApplicationStatus } from "./application-lifecycle.ts";
import type { Category } from "./framework-schema.ts";
import { outcomesFor, type ReviewOutcome } from "./review-outcomes.ts";

/**
 * The outcomes staff may decide now: the framework's for the category in this status, except that
 * an application at the exam stage is endorsed only once its newest exam result is a pass.
 */
export function decidableOutcomes(category: Category, status: ApplicationStatus, examPassed: boolean): ReviewOutcome[] {
  const outcomes = outcomesFor(category, status);
  return status === "exam" && !examPassed ? outcomes.filter((outcome) => outcome !== "endorse") : outcomes;
}
