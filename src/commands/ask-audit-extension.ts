import { z } from "zod";
import { findAuditedOfUserForUpdate, findOpenExtension, insertExtensionRequest } from "../data/hour-audits.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/** The audited person asks for more time to send their evidence: a later date and why. One request waits for an answer at a time. */
export const askAuditExtension = defineCommand({
  name: "hour-audit.extension-asked",
  actors: ["person"],
  input: z.object({ auditedId: z.string(), until: z.iso.date(), reason: z.string().trim().min(1).max(2000) }),
  async run({ tx, actor, input, now }) {
    const audited = (await findAuditedOfUserForUpdate(tx, input.auditedId, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
    if (input.until <= audited.evidence_due) refuse({ until: "hourAudit.error.untilAfterDue" });
    if (await findOpenExtension(tx, audited.id)) refuse({ form: "hourAudit.error.extensionOpen" });
    const extensionId = await insertExtensionRequest(tx, { auditedId: audited.id, until: input.until, reason: input.reason, now });
    return done(
      { type: "hour-audit-person", id: audited.id, associationId: audited.association_id },
      { extensionId },
      { extensionId, evidenceDue: audited.evidence_due, until: input.until, reason: input.reason },
    );
  },
});
