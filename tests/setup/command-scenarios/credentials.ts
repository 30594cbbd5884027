import { buildCredential } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** An applicant endorsed by staff: their actor and the credential it earned. */
async function endorsed(app: Parameters<Scenario>[0]) {
  const { actor, credential } = await buildCredential(app);
  return { actor, credentialId: credential.id, associationId: credential.association_id };
}

/** Credentials: the holder chooses what their verification page shows, and downloads the signed badge and learner record. */
export const credentialScenarios: Record<string, Scenario> = {
  "credential.published-fields-set": async (app) => {
    const { actor, credentialId } = await endorsed(app);
    return { actor, input: { credentialId, fields: ["issued"] } };
  },
  "credential.badge-downloaded": async (app) => {
    const { actor, credentialId } = await endorsed(app);
    return { actor, input: { credentialId } };
  },
  "credential.record-downloaded": async (app) => {
    const { actor, associationId } = await endorsed(app);
    const { slug } = await app.services.db.selectFrom("associations").select("slug").where("id", "=", associationId).executeTakeFirstOrThrow();
    return { actor, input: { associationSlug: slug } };
  },
};
