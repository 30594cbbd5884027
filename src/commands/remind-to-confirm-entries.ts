import { z } from "zod";
import { addAccessLinkToken, findAccessLinkForUpdate, listAccessLinkEntries, markReminded } from "../data/access-links.ts";
import { findUserById } from "../data/users.ts";
import { confirmEntriesRequestMail } from "../mail/templates.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";
import { newLinkToken } from "./shared/link-tokens.ts";

/** Cradle reminds a provider who has not answered a list of entries (`nth`: after 7 days, then 14): one mail for the whole list. */
export const remindToConfirmEntries = defineCommand({
  name: "confirmations.reminded",
  actors: ["system"],
  input: z.object({ linkId: z.string(), nth: z.number().int().min(1) }),
  async run({ tx, input, now, context, mail }) {
    const link = await findAccessLinkForUpdate(tx, input.linkId);
    if (!link || link.purpose !== "confirm-entries" || link.completed_at || link.expires_at <= now || link.reminders_sent >= input.nth) return unchanged(false);
    const [applicant, entryIds] = await Promise.all([findUserById(tx, link.user_id), listAccessLinkEntries(tx, link.id)]);
    // Only token hashes are kept, so the reminder carries a new token; the first one keeps working.
    const token = newLinkToken(now);
    await addAccessLinkToken(tx, link.id, token.hash);
    const until = link.expires_at.toISOString().slice(0, 10);
    await mail({
      kind: "confirmation-reminder",
      userId: null,
      to: link.recipient_email,
      ...confirmEntriesRequestMail(link.locale, applicant?.name ?? "", entryIds.length, `${context.baseUrl}/c/${token.token}`, until, true),
    });
    await markReminded(tx, link.id, input.nth);
    return done({ type: "portfolio", id: link.user_id }, true, {
      nth: input.nth,
      linkId: link.id,
      recipientName: link.recipient_name,
      recipientEmail: link.recipient_email,
    });
  },
});
