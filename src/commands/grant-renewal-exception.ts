import { z } from "zod";
import { insertRenewalException } from "../data/credential-renewals.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertStaffCredential } from "./guards/lock-credential.ts";

/** Staff let a credential's current period be renewed with hours short, for a reason they write down (kept with the exception and in the audit entry). */
export const grantRenewalException = defineCommand({
  name: "renewal.exception-granted",
  actors: ["person"],
  input: z.object({ associationId: z.string(), credentialId: z.string(), reason: z.string().trim().min(1, "error.required").max(2000, "error.tooLong") }),
  async run({ tx, actor, input, now, notify }) {
    const credential = await assertStaffCredential(tx, actor, input.credentialId, input.associationId);
    const granted = await insertRenewalException(tx, {
      credentialId: credential.id,
      periodDue: credential.renewal_due,
      reason: input.reason,
      grantedBy: actor.userId,
      now,
    });
    if (!granted) refuse({ reason: "renewal.exceptionExists" });
    const what = { key: "notice.renewalException", values: { number: credential.number, due: credential.renewal_due } } as const;
    await notify(credential.user_id, "renewal-exception", what, `/credentials/${credential.id}/renew`);
    return done({ type: "credential", id: credential.id, associationId: credential.association_id }, null, {
      number: credential.number,
      periodDue: credential.renewal_due,
      reason: input.reason,
    });
  },
});
