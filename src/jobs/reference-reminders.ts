import { addAccessLinkToken, listLinksDueReminder, markReminded } from "../data/access-links.ts";
import { enqueueMail } from "../data/outbox.ts";
import { findUserById } from "../data/users.ts";
import { newLinkToken } from "../commands/link-tokens.ts";
import { referenceRequestMail } from "../mail/templates.ts";
import type { CommandContext } from "../commands/command-context.ts";

const day = 24 * 60 * 60 * 1000;

/** Reminds raters who have not answered: after 7 days, and again after 14. Returns how many were reminded. */
export async function sendReferenceReminders(context: CommandContext): Promise<number> {
  const now = context.now();
  let sent = 0;
  for (const nth of [1, 2]) {
    const due = await listLinksDueReminder(context.db, "reference", nth, new Date(now.getTime() - nth * 7 * day), now);
    for (const link of due) {
      await context.db.transaction().execute(async (tx) => {
        const applicant = await findUserById(tx, link.user_id);
        // Only the hash of the first token is kept, so the reminder carries a new token; both open the form.
        const token = newLinkToken(now);
        await addAccessLinkToken(tx, link.id, token.hash);
        const until = link.expires_at.toISOString().slice(0, 10);
        const mail = referenceRequestMail(link.locale, applicant?.name ?? "", `${context.baseUrl}/r/${token.token}`, until, true);
        await enqueueMail(tx, { kind: "reference-reminder", userId: null, to: link.recipient_email, ...mail });
        await markReminded(tx, link.id, nth);
      });
      sent++;
    }
  }
  return sent;
}
