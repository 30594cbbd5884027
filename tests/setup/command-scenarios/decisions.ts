import { decideApplication } from "../../../src/commands/decide-application.ts";
import { saveLetterText } from "../../../src/commands/save-letter-text.ts";
import { buildApplicationInReview, buildStaffAndReviewer, buildAllianceAssociation, runOrThrow } from "../state-builders.ts";
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
  "letter-text.saved": async (app) => {
    const association = await buildAllianceAssociation(app);
    const { staff } = await buildStaffAndReviewer(app, association.id);
    return {
      actor: staff.actor,
      input: { associationId: association.id, kind: "defer", locale: "es", subject: "Aplazada: {category}", body: "Estimado/a {name}: {feedback}" },
    };
  },
  "letter-text.restored": async (app) => {
    const association = await buildAllianceAssociation(app);
    const { staff } = await buildStaffAndReviewer(app, association.id);
    const text = { associationId: association.id, kind: "defer" as const, locale: "es" as const };
    await runOrThrow(app, saveLetterText, staff.actor, { ...text, subject: "Aplazada", body: "Estimado/a {name}" });
    return { actor: staff.actor, input: text };
  },
};
