import { z } from "zod";
import { findRequestedEntryForUpdate, setDetermination } from "../data/hour-audits.ts";
import { determinations, reportedHours } from "../domain/hour-audits.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";

/**
 * Staff record their determination of one entry evidence was asked for: accepted, or its hours
 * disallowed with the reason, all of them or all but `hoursAllowed` (fewer than the entry reported
 * when asked), from then on left out wherever the engine judges the person (src/data/hour-audits.ts,
 * `findJudgedPortfolio`). A later determination replaces it; the person is told of a disallowance.
 */
export const determineAuditedEntry = defineCommand({
  name: "hour-audit.entry-determined",
  actors: ["person"],
  input: z.object({
    associationId: z.uuid(),
    requestedId: z.string(),
    determination: z.enum(determinations),
    reason: z.string().trim().max(2000),
    hoursAllowed: z.number().positive().max(10_000).nullable().default(null),
  }),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, actor, input, now, notify }) {
    const requested = (await findRequestedEntryForUpdate(tx, input.requestedId, input.associationId)) ?? refuse({ form: "portfolio.notFound" });
    if (input.determination === "disallowed" && input.reason === "") refuse({ reason: "hourAudit.error.reason" });
    if (input.hoursAllowed !== null && input.determination !== "disallowed") refuse({ hoursAllowed: "hourAudit.error.hoursAllowedAccepted" });
    const reported = reportedHours(requested.entry);
    if (input.hoursAllowed !== null && input.hoursAllowed >= reported) refuse({ hoursAllowed: "hourAudit.error.hoursAllowed" });
    const reason = input.determination === "disallowed" ? input.reason : input.reason || null;
    const before = {
      determination: requested.determination,
      reason: requested.reason,
      hoursAllowed: requested.hours_allowed === null ? null : Number(requested.hours_allowed),
    };
    const after = { determination: input.determination, reason, hoursAllowed: input.hoursAllowed };
    if (before.determination === after.determination && before.reason === after.reason && before.hoursAllowed === after.hoursAllowed) return unchanged(null);
    await setDetermination(tx, requested.id, { ...after, determinedBy: actor.userId, now });
    if (input.determination === "disallowed")
      await notify(
        requested.user_id,
        "hour-audit-determined",
        input.hoursAllowed === null
          ? { key: "notice.hourAuditDisallowed", values: { reason: input.reason } }
          : { key: "notice.hourAuditPartlyDisallowed", values: { reason: input.reason, allowed: String(input.hoursAllowed), hours: String(reported) } },
        `/audits/${requested.audited_id}`,
      );
    return done({ type: "hour-audit", id: requested.audit_id, associationId: input.associationId }, null, {
      userId: requested.user_id,
      entryId: requested.entry_id,
      list: requested.list,
      from: before,
      to: after,
    });
  },
});
