import { z } from "zod";
import { findRenewalOfAssociationForUpdate, markRenewalFeeReceived } from "../data/credential-renewals.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";

/** Staff record that a renewal's fee was received (by check or card elsewhere): the holder cannot say so themselves. */
export const recordRenewalFee = defineCommand({
  name: "renewal.fee-received",
  actors: ["person"],
  input: z.object({ associationId: z.string(), renewalId: z.string() }),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, actor, input, now }) {
    const renewal = (await findRenewalOfAssociationForUpdate(tx, input.renewalId, input.associationId)) ?? refuse({ form: "portfolio.notFound" });
    if (renewal.status === "fee-received") return unchanged(null);
    await markRenewalFeeReceived(tx, renewal.id, actor.userId, now);
    return done({ type: "credential", id: renewal.credential_id, associationId: renewal.association_id }, null, {
      renewalId: renewal.id,
      periodDue: renewal.period_due,
      cents: renewal.fee_cents,
    });
  },
});
