import { buildCredential } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** An applicant endorsed by staff: their actor and the credential it earned. */
async function endorsed(app: Parameters<Scenario>[0]) {
  const { actor, credential } = await buildCredential(app);
  return { actor, credentialId: credential.id };
}

/** Credentials: the holder chooses what their verification page shows, and downloads the signed badge. */
export const credentialScenarios: Record<string, Scenario> = {
  "credential.published-fields-set": async (app) => {
    const { actor, credentialId } = await endorsed(app);
    return { actor, input: { credentialId, fields: ["issued"] } };
  },
  "credential.badge-downloaded": async (app) => {
    const { actor, credentialId } = await endorsed(app);
    return { actor, input: { credentialId } };
  },
};
