import { suspendCredential } from "../../../src/commands/suspend-credential.ts";
import { buildCredential, runOrThrow } from "../state-builders.ts";
import { systemActor } from "../../../src/policies/actor.ts";
import type { Scenario } from "./scenario.ts";

/** An applicant endorsed by staff: their actor and the credential it earned. */
async function endorsed(app: Parameters<Scenario>[0]) {
  const { actor, staff, credential } = await buildCredential(app);
  return { actor, staff: staff.actor, credentialId: credential.id, number: credential.number, associationId: credential.association_id };
}

/** Credentials: the holder chooses what their verification page shows and downloads the signed badge, the certificate and the learner record; an operator exports them; staff suspend, reinstate and revoke. */
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
  "credential.suspended": async (app) => {
    const { staff, associationId, credentialId } = await endorsed(app);
    return { actor: staff, input: { associationId, credentialId, reason: "A complaint under review." } };
  },
  "credential.reinstated": async (app) => {
    const { staff, associationId, credentialId } = await endorsed(app);
    await runOrThrow(app, suspendCredential, staff, { associationId, credentialId, reason: "A complaint under review." });
    return { actor: staff, input: { associationId, credentialId, reason: "The complaint was dismissed." } };
  },
  "credential.revoked": async (app) => {
    const { staff, associationId, credentialId } = await endorsed(app);
    return { actor: staff, input: { associationId, credentialId, reason: "Practised without supervision." } };
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
