import type { ApplicationStatus } from "./application-lifecycle.ts";
import type { Category } from "./framework-schema.ts";

/**
 * What a review can end in, as the Alliance's associations name them: endorse; approve to sit the
 * exam (categories with an exam); defer with feedback; hold while staff contact the applicant;
 * emerging where the category allows it. Reviewers recommend one; staff decide.
 */
export const reviewOutcomes = ["endorse", "approve-for-exam", "defer", "hold", "emerging"] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];

/** The status each outcome moves the application to. */
export const outcomeStatus: Readonly<Record<ReviewOutcome, ApplicationStatus>> = {
  endorse: "endorsed",
  "approve-for-exam": "approved-for-exam",
  defer: "deferred",
  hold: "on-hold",
  emerging: "emerging",
};

export function hasExam(category: Category): boolean {
  return category.requirements.some((requirement) => requirement.kind === "exam");
}

/**
 * The outcomes open for a category's application in a status. A category with an exam is endorsed
 * only after it (from "exam"); one without is endorsed straight from review.
 */
export function outcomesFor(category: Category, status: ApplicationStatus): ReviewOutcome[] {
  const emerging: ReviewOutcome[] = category.statuses.includes("emerging") ? ["emerging"] : [];
  if (status === "in-review" || status === "on-hold") {
    const first: ReviewOutcome[] = hasExam(category) ? ["approve-for-exam"] : ["endorse"];
    const hold: ReviewOutcome[] = status === "in-review" ? ["hold"] : [];
    return [...first, "defer", ...hold, ...emerging];
  }
  if (status === "exam") return ["endorse", "defer"];
  return [];
}
