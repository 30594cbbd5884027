import { z } from "zod";
import { saveAccessLinkDraft } from "../data/access-links.ts";
import { ratingAnswersOf, ratingFormFor, ratingFrameworkOf } from "../domain/rating-form.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";
import { assertOpenLink } from "./guards/assert-open-link.ts";
import { draftWithinLimit } from "./shared/draft-limits.ts";
import { portfolioEntrySubject } from "./shared/portfolio-entry-subject.ts";

/** The answers a rater sends: field name to value, each short; only the form's own fields are kept. */
export const ratingAnswersInput = z.record(z.string(), z.string().max(200));

/** Keeps a rater's answers so far; they can close the page and come back through the same link. */
export const saveRatingDraft = defineCommand({
  name: "reference.draft-saved",
  actors: ["link"],
  input: z.object({ answers: ratingAnswersInput }),
  policy: (actor) => actor.purpose === "reference",
  async run({ tx, actor, input, now, context }) {
    const link = await assertOpenLink(tx, actor, now);
    // Only the form's own fields are kept, each at most 200 characters: the form bounds the draft; the check says so.
    const answers = ratingAnswersOf(ratingFormFor(ratingFrameworkOf(context.frameworks, link.framework_id), link.category_id), input.answers);
    if (!draftWithinLimit(answers)) refuse({ form: "limit.draftTooLarge" });
    if (sameAnswers(link.draft ?? {}, answers)) return unchanged({ saved: true });
    await saveAccessLinkDraft(tx, link.id, answers);
    return done(
      portfolioEntrySubject(link.user_id, link.entry_id),
      { saved: true },
      {
        entryId: link.entry_id,
        recipientName: link.recipient_name,
        recipientEmail: link.recipient_email,
        answered: Object.keys(answers).length,
      },
    );
  },
});

function sameAnswers(a: Record<string, string>, b: Record<string, string>) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
