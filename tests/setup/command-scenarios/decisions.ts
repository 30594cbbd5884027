import { buildApplicationInReview } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** Decisions, letters and resubmission. */
export const decisionScenarios: Record<string, Scenario> = {
  "application.decided": async (app) => {
    const review = await buildApplicationInReview(app);
    return {
      actor: review.staff.actor,
      input: {
        associationId: review.associationId,
        applicationId: review.applicationId,
        outcome: "endorse",
        feedback: "",
        expectedStatus: "in-review",
        expectedVersion: 1,
      },
    };
  },
};
