import { z } from "zod";
import { findRequestedEntryForUpdate, setDetermination } from "../data/hour-audits.ts";
import { determinations } from "../domain/hour-audits.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";

/**
 * Staff record their determination of one entry evidence was asked for: accepted, or its hours
 * disallowed with the reason, from then on left out wherever the engine judges the person
 * (src/data/hour-audits.ts, `findJudgedPortfolio`). A later determination replaces it; the person is told of a disallowance.
 */
export const determineAuditedEntry = defineCommand({
  name: "hour-audit.entry-determined",
  actors: ["person"],
  input: z.object({ associationId: z.uuid(), requestedId: z.string(), determination: z.enum(determinations), reason: z.string().trim().max(2000) }),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, actor, input, now, notify }) {
    const requested = (await findRequestedEntryForUpdate(tx, input.requestedId, input.associationId)) ?? refuse({ form: "portfolio.notFound" });
    if (input.determination === "disallowed" && input.reason === "") refuse({ reason: "hourAudit.error.reason" });
    const reason = input.determination === "disallowed" ? input.reason : input.reason || null;
    if (requested.determination === input.determination && requested.reason === reason) return unchanged(null);
    await setDetermination(tx, requested.id, { determination: input.determination, reason, determinedBy: actor.userId, now });
    if (input.determination === "disallowed")
      await notify(
        requested.user_id,
        "hour-audit-determined",
        { key: "notice.hourAuditDisallowed", values: { reason: input.reason } },
        `/audits/${requested.audited_id}`,
      );
    return done({ type: "hour-audit", id: requested.audit_id, associationId: input.associationId }, null, {
      userId: requested.user_id,
      entryId: requested.entry_id,
      list: requested.list,
      from: { determination: requested.determination, reason: requested.reason },
      to: { determination: input.determination, reason },
    });
  },
});
