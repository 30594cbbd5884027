import { toDay, toIso, today } from "../../../src/domain/dates.ts";
import { defaultRenewalCycle } from "../../../src/domain/renewal-cycle.ts";
import { systemActor } from "../../../src/policies/actor.ts";
import { buildAllianceAssociation, buildCredential, buildStaffAndReviewer } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** The renewal cycle, and the daily job that follows it. */
export const renewalScenarios: Record<string, Scenario> = {
  "renewal-cycle.set": async (app) => {
    const association = await buildAllianceAssociation(app);
    const { staff } = await buildStaffAndReviewer(app, association.id);
    return { actor: staff.actor, input: { associationId: association.id, ...defaultRenewalCycle, due: { month: 12, day: 15 } } };
  },
  "credential.daily-renewal-work": async (app) => {
    const { credential } = await buildCredential(app);
    // Due a year ago and never renewed: the job lapses and removes it.
    const aYearAgo = toIso(toDay(today("UTC", new Date())) - 366);
    await app.services.db.updateTable("credentials").set({ renewal_due: aYearAgo }).where("id", "=", credential.id).execute();
    return { actor: systemActor("test"), input: { credentialId: credential.id } };
  },
};
