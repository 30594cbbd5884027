import { z } from "zod";
import { credentialActionReason } from "../../forms/credential-forms.ts";
import { findAssociationById } from "../../data/associations.ts";
import { changeCredentialStatus, findCredentialOfAssociationForUpdate } from "../../data/credentials.ts";
import type { MessageKey } from "../../i18n/translate.ts";
import { type StaffCredentialAction, staffActionTarget } from "../../domain/staff-credential-actions.ts";
import { associationPolicy } from "../../policies/association.ts";
import { defineCommand, done, refuse } from "../define-command.ts";

const staffCredentialInput = z.object({
  associationId: z.string(),
  credentialId: z.string(),
  /** What the status history, the audit log and the holder's notice say. */
  reason: credentialActionReason,
});

/**
 * One staff action on a credential as a command: for the credential's association's staff only,
 * from the status read under the credential's lock, effective today in the association's time zone;
 * the status history, the status lists (through changeCredentialStatus) and the holder's notice follow.
 */
export function staffCredentialCommand(name: string, action: StaffCredentialAction, notice: MessageKey) {
  return defineCommand({
    name,
    actors: ["person"],
    input: staffCredentialInput,
    policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
    async run({ tx, actor, input, now, today, notify }) {
      const credential = (await findCredentialOfAssociationForUpdate(tx, input.credentialId, input.associationId)) ?? refuse({ form: "portfolio.notFound" });
      const to = staffActionTarget(action, credential.status) ?? refuse({ form: "credentialAction.notNow" });
      const association = (await findAssociationById(tx, credential.association_id)) ?? refuse({ form: "portfolio.notFound" });
      const effectiveOn = today(association.time_zone);
      await changeCredentialStatus(tx, {
        credentialId: credential.id,
        from: credential.status,
        to,
        effectiveOn,
        changedBy: actor.userId,
        reason: input.reason,
        now,
      });
      await notify(
        credential.user_id,
        name,
        { key: notice, values: { number: credential.number, association: association.name, reason: input.reason } },
        "/credentials",
        association.locale,
      );
      return done(
        { type: "credential", id: credential.id, associationId: credential.association_id },
        { number: credential.number, status: to },
        { number: credential.number, from: credential.status, to, effectiveOn, reason: input.reason },
      );
    },
  });
}
