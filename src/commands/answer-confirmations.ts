import { z } from "zod";
import { completeAccessLink, listAccessLinkEntries } from "../data/access-links.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import { findConfirmable, markConfirmed } from "../domain/confirmable-entries.ts";
import type { Message } from "../i18n/translate.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertOpenLink } from "./guards/assert-open-link.ts";

const answer = z.object({ entryId: z.string().min(1), confirmed: z.boolean(), comment: z.string().trim().max(2000) });

/**
 * The provider's or supervisor's answers through their one link, an answer per listed entry: each
 * confirmed entry is marked verified, the rest are left as they were with the note; the link is then
 * used. Only the entries the link was sent for can be answered (an id of any other, of this person or
 * another, is refused whole). The applicant gets one notice with the count and every note.
 */
export const answerConfirmations = defineCommand({
  name: "confirmations.answered",
  actors: ["link"],
  input: z.object({ answers: z.array(answer).min(1).max(500) }),
  policy: (actor) => actor.purpose === "confirm-entries",
  async run({ tx, actor, input, now, notify }) {
    const link = await assertOpenLink(tx, actor, now);
    const listed = new Set(await listAccessLinkEntries(tx, link.id));
    const answered = new Set(input.answers.map((item) => item.entryId));
    if (answered.size !== input.answers.length || [...answered].some((id) => !listed.has(id))) refuse({ form: "error.unknownAction" });
    if (!(await completeAccessLink(tx, link.id, { answers: input.answers }, now))) refuse({ form: "rating.used" });
    const portfolio = await findPortfolioForUpdate(tx, link.user_id);
    const present = input.answers.filter((item) => findConfirmable(portfolio, item.entryId));
    const confirmed = new Set(present.filter((item) => item.confirmed).map((item) => item.entryId));
    if (confirmed.size > 0) await writePortfolio(tx, link.user_id, markConfirmed(portfolio, confirmed), now);
    const notes = present
      .filter((item) => !item.confirmed)
      .map((item) => `${dateOf(findConfirmable(portfolio, item.entryId)?.entry)}: ${item.comment || "—"}`)
      .join("; ");
    const values = { name: link.recipient_name, confirmed: confirmed.size, total: present.length };
    const what: Message = notes ? { key: "notice.confirmationsDisputed", values: { ...values, notes } } : { key: "notice.confirmationsGiven", values };
    await notify(link.user_id, "confirmation-answered", what, "/portfolio", link.locale);
    return done(
      { type: "portfolio", id: link.user_id },
      { confirmed: confirmed.size, total: present.length },
      {
        linkId: link.id,
        recipientName: link.recipient_name,
        recipientEmail: link.recipient_email,
        answers: present.map((item) => ({ ...item, entry: findConfirmable(portfolio, item.entryId)?.entry ?? null })),
      },
    );
  },
});

/** How the applicant recognises an entry in the notice: a session's date, a job's start. */
function dateOf(entry: Record<string, unknown> | undefined): string {
  const date = entry?.date ?? entry?.start;
  return typeof date === "string" ? date : "";
}
