import { askForReinstatement } from "../../../src/commands/ask-for-reinstatement.ts";
import { importPortfolioFile } from "../../../src/commands/import-portfolio-file.ts";
import { renewCredential } from "../../../src/commands/renew-credential.ts";
import { setRenewalCycle } from "../../../src/commands/set-renewal-cycle.ts";
import { toDay, toIso, today } from "../../../src/domain/dates.ts";
import { defaultRenewalCycle } from "../../../src/domain/renewal-cycle.ts";
import { systemActor } from "../../../src/policies/actor.ts";
import { buildThreeRatings } from "../link-builders.ts";
import { buildAllianceAssociation, buildCredential, buildStaffAndReviewer, moveCredentialStatus, runOrThrow } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

type App = Parameters<Scenario>[0];

/**
 * An IFA credential (no RS/C to renew) of an association whose cycle falls due ten days from today, so
 * its first renewal is open now and exempt from training; the holder's membership runs to next year.
 */
async function renewable(app: App) {
  const association = await buildAllianceAssociation(app);
  const { staff } = await buildStaffAndReviewer(app, association.id);
  const soon = new Date(Date.now() + 10 * 86_400_000);
  const due = soon.getUTCMonth() === 1 && soon.getUTCDate() === 29 ? { month: 3, day: 1 } : { month: soon.getUTCMonth() + 1, day: soon.getUTCDate() };
  const late = due.month === 12 ? { month: 1, day: 31 } : { month: due.month + 1, day: 28 };
  await runOrThrow(app, setRenewalCycle, staff.actor, { associationId: association.id, ...defaultRenewalCycle, due, late });
  const endorsed = await buildCredential(app, { associationId: association.id, categoryId: "ifa" });
  const membership = { id: "membership", organization: "The association", validUntil: `${soon.getUTCFullYear() + 1}-12-31` };
  await runOrThrow(app, importPortfolioFile, endorsed.actor, {
    kind: "json",
    file: JSON.stringify({ format: "cradle-portfolio", version: 1, memberships: [membership] }),
  });
  return endorsed;
}

async function removed(app: App) {
  const endorsed = await buildCredential(app);
  await moveCredentialStatus(app, {
    credentialId: endorsed.credential.id,
    from: "active",
    to: "removed",
    effectiveOn: endorsed.credential.issued_on,
    changedBy: null,
  });
  return endorsed;
}

async function reinstatementAsked(app: App) {
  const endorsed = await removed(app);
  const { reinstatementId } = await runOrThrow(app, askForReinstatement, endorsed.actor, { credentialId: endorsed.credential.id, attestsMembership: true });
  return { ...endorsed, reinstatementId };
}

/** The renewal cycle, the daily job that follows it, renewals and reinstatements. */
export const renewalScenarios: Record<string, Scenario> = {
  "renewal-cycle.set": async (app) => {
    const association = await buildAllianceAssociation(app);
    const { staff } = await buildStaffAndReviewer(app, association.id);
    return { actor: staff.actor, input: { associationId: association.id, ...defaultRenewalCycle, due: { month: 12, day: 15 } } };
  },
  "credential.renewed": async (app) => {
    const { actor, credential } = await renewable(app);
    return { actor, input: { credentialId: credential.id, signsEthics: true, attestsNoSanction: true } };
  },
  "renewal.exception-granted": async (app) => {
    const { staff, credential, associationId } = await buildCredential(app);
    return { actor: staff.actor, input: { associationId, credentialId: credential.id, reason: "Medical leave" } };
  },
  "renewal.fee-received": async (app) => {
    const { actor, staff, credential, associationId } = await renewable(app);
    await runOrThrow(app, renewCredential, actor, { credentialId: credential.id, signsEthics: true, attestsNoSanction: true });
    const { id } = await app.services.db.selectFrom("credential_renewals").select("id").where("credential_id", "=", credential.id).executeTakeFirstOrThrow();
    return { actor: staff.actor, input: { associationId, renewalId: id } };
  },
  "credential.reinstatement-requested": async (app) => {
    const { actor, credential } = await removed(app);
    return { actor, input: { credentialId: credential.id, attestsMembership: true } };
  },
  "reinstatement.fee-received": async (app) => {
    const { staff, associationId, reinstatementId } = await reinstatementAsked(app);
    return { actor: staff.actor, input: { associationId, reinstatementId } };
  },
  "credential.reinstatement-approved": async (app) => {
    const asked = await reinstatementAsked(app);
    await buildThreeRatings(app, asked);
    return { actor: asked.staff.actor, input: { associationId: asked.associationId, reinstatementId: asked.reinstatementId } };
  },
  "credential.daily-renewal-work": async (app) => {
    const { credential } = await buildCredential(app);
    // Due a year ago and never renewed: the job lapses and removes it.
    const aYearAgo = toIso(toDay(today("UTC", new Date())) - 366);
    await app.services.db.updateTable("credentials").set({ renewal_due: aYearAgo }).where("id", "=", credential.id).execute();
    return { actor: systemActor("test"), input: { credentialId: credential.id } };
  },
};
