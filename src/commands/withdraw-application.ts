import { z } from "zod";
import { updateApplicationStatus } from "../data/applications.ts";
import { defineCommand, done } from "./define-command.ts";
import { assertApplicationTransition, assertOwnApplication } from "./guards/lock-application.ts";

/** The applicant withdraws an application that no reviewer has taken up yet (the lifecycle table says when). */
export const withdrawApplication = defineCommand({
  name: "application.withdrawn",
  actors: ["person"],
  input: z.object({ applicationId: z.string() }),
  async run({ tx, actor, input, now, notify }) {
    const application = await assertOwnApplication(tx, actor, input.applicationId);
    const move = assertApplicationTransition(application, "withdrawn", { form: "application.cannotWithdraw" });
    await updateApplicationStatus(tx, application.id, "withdrawn", now);
    await notify(actor.userId, "application-withdrawn", { key: "notice.applicationWithdrawn" }, `/applications/${application.id}`);
    return done({ type: "application", id: application.id, associationId: application.association_id }, null, move);
  },
});
