import { decideApplication } from "../../../src/commands/decide-application.ts";
import { buildApplicationInReview, runOrThrow } from "../state-builders.ts";
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
  "application.resubmitted": async (app) => {
    const review = await buildApplicationInReview(app);
    const decision = { outcome: "defer" as const, feedback: "More detail.", expectedStatus: "in-review" as const, expectedVersion: 1 };
    await runOrThrow(app, decideApplication, review.staff.actor, { associationId: review.associationId, applicationId: review.applicationId, ...decision });
    return { actor: review.actor, input: { applicationId: review.applicationId } };
  },
};
