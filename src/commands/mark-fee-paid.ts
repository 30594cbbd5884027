import { z } from "zod";
import { markApplicationFeePaid } from "../data/applications.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";
import { assertStaffApplication } from "./guards/lock-application.ts";

/** Staff record that the application fee was paid (by check, purchase order or card elsewhere). */
export const markFeePaid = defineCommand({
  name: "application.fee-paid",
  actors: ["person"],
  input: z.object({ associationId: z.string(), applicationId: z.string() }),
  async run({ tx, actor, input, now, notify }) {
    const application = await assertStaffApplication(tx, actor, input.applicationId, input.associationId);
    if (application.fee_paid_at) return unchanged(null);
    await markApplicationFeePaid(tx, application.id, now);
    await notify(application.user_id, "application-fee-paid", { key: "notice.applicationFeePaid" }, `/applications/${application.id}`);
    return done({ type: "application", id: application.id, associationId: application.association_id }, null, { cents: application.fee_cents });
  },
});
