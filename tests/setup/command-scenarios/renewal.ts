import { defaultRenewalCycle } from "../../../src/domain/renewal-cycle.ts";
import { buildAllianceAssociation, buildStaffAndReviewer } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** The renewal cycle. */
export const renewalScenarios: Record<string, Scenario> = {
  "renewal-cycle.set": async (app) => {
    const association = await buildAllianceAssociation(app);
    const { staff } = await buildStaffAndReviewer(app, association.id);
    return { actor: staff.actor, input: { associationId: association.id, ...defaultRenewalCycle, due: { month: 12, day: 15 } } };
  },
};
