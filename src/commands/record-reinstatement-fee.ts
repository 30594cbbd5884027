import { z } from "zod";
import { findReinstatementOfAssociationForUpdate, markReinstatementFeeReceived } from "../data/credential-reinstatements.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";

/** Staff record that a reinstatement's fee was received. */
export const recordReinstatementFee = defineCommand({
  name: "reinstatement.fee-received",
  actors: ["person"],
  input: z.object({ associationId: z.string(), reinstatementId: z.string() }),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, actor, input, now }) {
    const request = (await findReinstatementOfAssociationForUpdate(tx, input.reinstatementId, input.associationId)) ?? refuse({ form: "portfolio.notFound" });
    if (request.fee_received_at) return unchanged(null);
    await markReinstatementFeeReceived(tx, request.id, actor.userId, now);
    return done({ type: "credential", id: request.credential_id, associationId: request.association_id }, null, {
      reinstatementId: request.id,
      cents: request.fee_cents,
    });
  },
});
