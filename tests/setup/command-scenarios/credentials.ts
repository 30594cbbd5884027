import { buildEndorsedCredential } from "../state-builders.ts";
import { systemActor } from "../../../src/policies/actor.ts";
import type { Scenario } from "./scenario.ts";

/** An applicant endorsed by staff: their actor and the credential it earned. */
async function endorsed(app: Parameters<Scenario>[0]) {
  const { actor, credential } = await buildEndorsedCredential(app);
  return { actor, credentialId: credential.id, number: credential.number };
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
    const { number } = await endorsed(app);
    return { actor: systemActor("cli"), input: { number, withCertificate: true } };
  },
};
