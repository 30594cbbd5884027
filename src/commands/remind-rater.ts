import { z } from "zod";
import { addAccessLinkToken, findAccessLinkForUpdate, markReminded } from "../data/access-links.ts";
import { findUserById } from "../data/users.ts";
import { referenceRequestMail } from "../mail/templates.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";
import { newLinkToken } from "./shared/link-tokens.ts";
import { portfolioEntrySubject } from "./shared/portfolio-entry-subject.ts";

/** Cradle reminds a rater who has not answered (`nth`: after 7 days, then 14), so each reminder is sent once. */
export const remindRater = defineCommand({
  name: "reference.reminded",
  actors: ["system"],
  input: z.object({ linkId: z.string(), nth: z.number().int().min(1) }),
  async run({ tx, input, now, context, mail }) {
    const link = await findAccessLinkForUpdate(tx, input.linkId);
    if (!link || link.completed_at || link.reminders_sent >= input.nth) return unchanged(false);
    const applicant = await findUserById(tx, link.user_id);
    // Only the hash of the first token is kept, so the reminder carries a new token; both open the form.
    const token = newLinkToken(now);
    await addAccessLinkToken(tx, link.id, token.hash);
    const until = link.expires_at.toISOString().slice(0, 10);
    await mail({
      kind: "reference-reminder",
      userId: null,
      to: link.recipient_email,
      ...referenceRequestMail(link.locale, applicant?.name ?? "", `${context.baseUrl}/r/${token.token}`, until, true),
    });
    await markReminded(tx, link.id, input.nth);
    return done(portfolioEntrySubject(link.user_id, link.entry_id), true, {
      nth: input.nth,
      entryId: link.entry_id,
      linkId: link.id,
      recipientName: link.recipient_name,
      recipientEmail: link.recipient_email,
    });
  },
});
