import { decideApplication } from "../../../src/commands/decide-application.ts";
import { buildApplicationInReview, runOrThrow } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** Credentials: the holder chooses what their verification page shows. */
export const credentialScenarios: Record<string, Scenario> = {
  "credential.published-fields-set": async (app) => {
    const review = await buildApplicationInReview(app);
    await runOrThrow(app, decideApplication, review.staff.actor, {
      associationId: review.associationId,
      applicationId: review.applicationId,
      outcome: "endorse",
      feedback: "",
      expectedStatus: "in-review",
      expectedVersion: 1,
    });
    const { id } = await app.services.db.selectFrom("credentials").select("id").where("application_id", "=", review.applicationId).executeTakeFirstOrThrow();
    return { actor: review.actor, input: { credentialId: id, fields: ["issued"] } };
  },
};
