import { decideApplication } from "../../../src/commands/decide-application.ts";
import { buildApplicationInReview, runOrThrow } from "../state-builders.ts";
import { systemActor } from "../../../src/policies/actor.ts";
import type { Scenario } from "./scenario.ts";

/** An applicant endorsed by staff: their actor and the credential it earned. */
async function endorsed(app: Parameters<Scenario>[0]) {
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
  return { actor: review.actor, credentialId: id };
}

/** Credentials: the holder chooses what their verification page shows, and downloads the signed badge and the certificate; an operator exports them. */
export const credentialScenarios: Record<string, Scenario> = {
  "credential.published-fields-set": async (app) => {
    const { actor, credentialId } = await endorsed(app);
    return { actor, input: { credentialId, fields: ["issued"] } };
  },
  "credential.badge-downloaded": async (app) => {
    const { actor, credentialId } = await endorsed(app);
    return { actor, input: { credentialId } };
  },
  "credential.certificate-downloaded": async (app) => {
    const { actor, credentialId } = await endorsed(app);
    return { actor, input: { credentialId, locale: "es" } };
  },
  "credential.exported": async (app) => {
    const { credentialId } = await endorsed(app);
    const { number } = await app.services.db.selectFrom("credentials").select("number").where("id", "=", credentialId).executeTakeFirstOrThrow();
    return { actor: systemActor("cli"), input: { number, withCertificate: true } };
  },
};
