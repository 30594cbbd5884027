import { z } from "zod";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import { defineCommand, done } from "./define-command.ts";
import { assertStaffApplication } from "./guards/lock-application.ts";

/** Staff record that the official transcripts arrived: the applicant's education entries say so from now on. */
export const markTranscriptsReceived = defineCommand({
  name: "application.transcripts-received",
  actors: ["person"],
  input: z.object({ associationId: z.string(), applicationId: z.string() }),
  async run({ tx, actor, input, now, notify }) {
    const application = await assertStaffApplication(tx, actor, input.applicationId, input.associationId);
    const portfolio = await findPortfolioForUpdate(tx, application.user_id);
    const education = portfolio.education.map((entry) => ({ ...entry, officialTranscript: true }));
    await writePortfolio(tx, application.user_id, { ...portfolio, education }, now);
    await notify(application.user_id, "transcripts-received", { key: "notice.transcriptsReceived" }, "/progress");
    return done({ type: "application", id: application.id, associationId: application.association_id }, null, { entries: education.length });
  },
});
