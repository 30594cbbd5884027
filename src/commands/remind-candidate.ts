import { z } from "zod";
import { findCandidacyForUpdate, markCandidacyReminded } from "../data/candidacies.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";

/** Cradle reminds a candidate that their status ends soon; `nth` counts the reminders (12, 6 and 1 month before), so each is sent once. */
export const remindCandidate = defineCommand({
  name: "candidacy.reminded",
  actors: ["system"],
  input: z.object({ candidacyId: z.string(), nth: z.number().int().min(1) }),
  async run({ tx, input, notify }) {
    const candidacy = await findCandidacyForUpdate(tx, input.candidacyId);
    if (!candidacy || candidacy.reminders_sent >= input.nth) return unchanged(false);
    const until = candidacy.expires_at.toISOString().slice(0, 10);
    const what = { key: "notice.candidacyReminder", values: { until } } as const;
    await notify(candidacy.user_id, "candidacy-reminder", what, "/applications");
    await markCandidacyReminded(tx, candidacy.id, input.nth);
    return done({ type: "candidacy", id: candidacy.id, associationId: candidacy.association_id }, true, { nth: input.nth });
  },
});
