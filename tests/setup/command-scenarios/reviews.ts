import { findSnapshot } from "../../../src/data/applications.ts";
import type { StoredEligibilityReport } from "../../../src/domain/report.ts";
import { checklistOf, decisionsFor, judgedItemsFor, reviewScale } from "../../../src/domain/review-checklist.ts";
import { buildApplicationInReview } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** An application in review (IFS) and a complete review of it by its assigned reviewer: every requirement answered, every item scored. */
async function completeReview(app: Parameters<Scenario>[0]) {
  const review = await buildApplicationInReview(app);
  return { actor: review.reviewer.actor, input: await completeReviewOf(app, review.applicationId) };
}

/** A complete review of the current version of an IFS application's file: every requirement answered as the engine says, every item scored. */
export async function completeReviewOf(app: Parameters<Scenario>[0], applicationId: string) {
  const snapshot = await findSnapshot(app.services.db, applicationId);
  const framework = app.services.frameworks.find((candidate) => candidate.id === "alliance-iecmh-e")!;
  const category = framework.categories.find((candidate) => candidate.id === "ifs")!;
  const scale = reviewScale(framework, category);
  return {
    applicationId,
    items: checklistOf((snapshot!.report as StoredEligibilityReport).requirements).map((requirement) => ({
      key: requirement.key,
      decision: decisionsFor(requirement.engine)[0]!,
      comment: "",
    })),
    scores: Object.fromEntries(judgedItemsFor(framework, category).map((item) => [item.key, scale[0]!])),
    feedback: "Well documented.",
    staffNotes: "",
    recommendation: "endorse" as const,
    hours: 2,
  };
}

/** A reviewer keeps a draft of their review and submits it. */
export const reviewScenarios: Record<string, Scenario> = {
  "review.draft-saved": completeReview,
  "review.submitted": completeReview,
};
