import { z } from "zod";
import { answerExtensionRequest, findExtensionForUpdate, setEvidenceDue } from "../data/hour-audits.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/** Staff answer a request for more time: granted to a later date (the person's evidence date moves to it), or denied; the person is told. */
export const answerAuditExtension = defineCommand({
  name: "hour-audit.extension-answered",
  actors: ["person"],
  input: z.object({ associationId: z.uuid(), extensionId: z.string(), grantedUntil: z.iso.date().nullable() }),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, actor, input, now, notify }) {
    const extension = (await findExtensionForUpdate(tx, input.extensionId, input.associationId)) ?? refuse({ form: "portfolio.notFound" });
    if (extension.answer !== null) refuse({ form: "hourAudit.error.answered" });
    if (input.grantedUntil !== null && input.grantedUntil <= extension.evidence_due) refuse({ grantedUntil: "hourAudit.error.untilAfterDue" });
    await answerExtensionRequest(tx, extension.id, { grantedUntil: input.grantedUntil, answeredBy: actor.userId, now });
    if (input.grantedUntil !== null) await setEvidenceDue(tx, extension.audited_id, input.grantedUntil);
    await notify(
      extension.user_id,
      "hour-audit-extension",
      input.grantedUntil !== null
        ? { key: "notice.hourAuditExtensionGranted", values: { due: input.grantedUntil } }
        : { key: "notice.hourAuditExtensionDenied", values: { due: extension.evidence_due } },
      `/audits/${extension.audited_id}`,
    );
    return done(
      { type: "hour-audit", id: extension.audit_id, associationId: input.associationId },
      { granted: input.grantedUntil !== null },
      {
        extensionId: extension.id,
        userId: extension.user_id,
        answer: input.grantedUntil !== null ? "granted" : "denied",
        evidenceDue: { from: extension.evidence_due, to: input.grantedUntil ?? extension.evidence_due },
      },
    );
  },
});
