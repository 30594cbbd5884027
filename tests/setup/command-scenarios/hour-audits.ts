import { askAuditExtension } from "../../../src/commands/ask-audit-extension.ts";
import { buildAuditOf, buildCredentialHolder, examplePeriodDue } from "../audit-builders.ts";
import { buildAllianceAssociation, buildStaffAndReviewer, runOrThrow } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** An association's staff and one holder of its credentials, audited. */
async function audited(app: Parameters<Scenario>[0]) {
  const association = await buildAllianceAssociation(app);
  const { staff } = await buildStaffAndReviewer(app, association.id);
  const holder = await buildCredentialHolder(app, { associationId: association.id });
  const { auditId, auditedIdOf } = await buildAuditOf(app, staff.actor, association.id, [holder.user.email]);
  return { association, staff, holder, auditId, auditedId: auditedIdOf(holder.user.id) };
}

/** Audits of reported hours. */
export const hourAuditScenarios: Record<string, Scenario> = {
  "hour-audit.created": async (app) => {
    const association = await buildAllianceAssociation(app);
    const { staff } = await buildStaffAndReviewer(app, association.id);
    await buildCredentialHolder(app, { associationId: association.id });
    return {
      actor: staff.actor,
      input: {
        associationId: association.id,
        periodDue: examplePeriodDue,
        evidenceDue: "2099-01-01",
        instructions: "",
        selection: "sample",
        percent: 50,
        people: [],
      },
    };
  },
  "hour-audit.extension-asked": async (app) => {
    const { holder, auditedId } = await audited(app);
    return { actor: holder.actor, input: { auditedId, until: "2099-02-01", reason: "Away for work." } };
  },
  "hour-audit.extension-answered": async (app) => {
    const { association, staff, holder, auditedId } = await audited(app);
    const { extensionId } = await runOrThrow(app, askAuditExtension, holder.actor, { auditedId, until: "2099-02-01", reason: "Away for work." });
    return { actor: staff.actor, input: { associationId: association.id, extensionId, grantedUntil: "2099-02-01" } };
  },
  "hour-audit.entry-determined": async (app) => {
    const { association, staff, auditedId } = await audited(app);
    const { id } = await app.services.db.selectFrom("hour_audit_entries").select("id").where("audited_id", "=", auditedId).limit(1).executeTakeFirstOrThrow();
    return { actor: staff.actor, input: { associationId: association.id, requestedId: id, determination: "disallowed", reason: "No certificate." } };
  },
};
