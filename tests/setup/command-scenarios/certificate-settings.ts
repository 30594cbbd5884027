import { saveAssociationLogo } from "../../../src/data/association-logos.ts";
import { solidPng } from "../solid-png.ts";
import { buildAllianceAssociation, buildStaffAndReviewer } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

async function staffOfNewAssociation(app: Parameters<Scenario>[0]) {
  const association = await buildAllianceAssociation(app);
  const { staff } = await buildStaffAndReviewer(app, association.id);
  return { associationId: association.id, actor: staff.actor };
}

/** What staff set for their association's certificates and LinkedIn links. */
export const certificateSettingsScenarios: Record<string, Scenario> = {
  "association.logo-set": async (app) => {
    const { associationId, actor } = await staffOfNewAssociation(app);
    return { actor, input: { associationId, logo: solidPng(16, 16, [0, 90, 160]) } };
  },
  "association.logo-removed": async (app) => {
    const { associationId, actor } = await staffOfNewAssociation(app);
    await saveAssociationLogo(app.services.db, associationId, { mediaType: "image/png", bytes: solidPng(16, 16, [0, 90, 160]) }, new Date());
    return { actor, input: { associationId } };
  },
  "association.linkedin-organization-set": async (app) => {
    const { associationId, actor } = await staffOfNewAssociation(app);
    return { actor, input: { associationId, linkedinOrganizationId: "1234567" } };
  },
};
