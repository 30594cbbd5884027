import { z } from "zod";
import { completeAccessLink } from "../data/access-links.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import { findConfirmable } from "../domain/confirmable-entries.ts";
import type { Message } from "../i18n/translate.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertOpenLink } from "./guards/assert-open-link.ts";
import { portfolioEntrySubject } from "./shared/portfolio-entry-subject.ts";

/**
 * The provider's or supervisor's answer through their link: a confirmation marks the entry
 * verified; either way the applicant is told. The audit entry says who answered (the link, the
 * name and address it was sent to), about which entry as it stood, what they said, and when.
 */
export const answerConfirmation = defineCommand({
  name: "confirmation.answered",
  actors: ["link"],
  input: z.object({ confirmed: z.boolean(), comment: z.string().trim().max(2000) }),
  policy: (actor) => actor.purpose === "verify-entry",
  async run({ tx, actor, input, now, notify }) {
    const link = await assertOpenLink(tx, actor, now);
    if (!(await completeAccessLink(tx, link.id, input, now))) refuse({ form: "rating.used" });
    const portfolio = await findPortfolioForUpdate(tx, link.user_id);
    const found = findConfirmable(portfolio, link.entry_id);
    if (found && input.confirmed) {
      const list = (portfolio[found.list] as Array<Record<string, unknown>>).map((entry) =>
        entry.id === link.entry_id ? { ...entry, verified: true } : entry,
      );
      await writePortfolio(tx, link.user_id, { ...portfolio, [found.list]: list }, now);
    }
    const what: Message = input.confirmed
      ? { key: "notice.confirmationGiven", values: { name: link.recipient_name } }
      : { key: "notice.confirmationDisputed", values: { name: link.recipient_name, comment: input.comment } };
    await notify(link.user_id, "confirmation-answered", what, "/portfolio", link.locale);
    return done(
      portfolioEntrySubject(link.user_id, link.entry_id),
      { confirmed: input.confirmed },
      {
        entryId: link.entry_id,
        recipientName: link.recipient_name,
        recipientEmail: link.recipient_email,
        confirmed: input.confirmed,
        comment: input.comment,
        list: found?.list ?? null,
        entry: found?.entry ?? null,
      },
    );
  },
});
