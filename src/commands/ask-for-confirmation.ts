import { z } from "zod";
import { insertAccessLink } from "../data/access-links.ts";
import { findPortfolioForUpdate } from "../data/portfolios.ts";
import { findUserById } from "../data/users.ts";
import { findConfirmable } from "../domain/confirmable-entries.ts";
import { verificationRequestMail } from "../mail/templates.ts";
import { portfolioPolicy } from "../policies/portfolio.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { newLinkToken } from "./shared/link-tokens.ts";
import { checkRequestToRecipient } from "./shared/mail-to-strangers.ts";
import { entriesAskedOf } from "./shared/open-confirmations.ts";
import { portfolioEntrySubject } from "./shared/portfolio-entry-subject.ts";

/**
 * The applicant asks the provider of an RS/C session, or the supervisor of a job, to confirm it:
 * they are mailed a link that does nothing else. `summary` is the entry in words, for the mail.
 * Not to the applicant's own address, at most 10 a day and 3 a day to one mailbox, and one open
 * request per entry and provider, alone or in a list (docs/security.md, "Mail"); a provider whose address is another
 * account of the applicant's is flagged in the audit entry, by Cradle, for the reviewers.
 */
export const askForConfirmation = defineCommand({
  name: "confirmation.requested",
  actors: ["person"],
  input: z.object({
    entryId: z.string().min(1),
    name: z.string().trim().min(1, "error.required").max(200, "error.tooLong"),
    email: z.email("error.email"),
    summary: z.string().max(2000),
    locale: z.enum(["en", "es"]),
  }),
  policy: (actor) => portfolioPolicy.editOwn(actor),
  prepare: (input, { db, actor, context }) => checkRequestToRecipient(db, context, actor, { kind: "confirmation", email: input.email, field: "email" }),
  async run({ tx, actor, input, now, context, mail, prepared: samePerson }) {
    const portfolio = await findPortfolioForUpdate(tx, actor.userId);
    const found = findConfirmable(portfolio, input.entryId) ?? refuse({ form: "portfolio.notFound" });
    if ((await entriesAskedOf(tx, actor.userId, input.email, now)).has(input.entryId)) refuse({ email: "mailSafety.alreadyAsked" });
    const applicant = (await findUserById(tx, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
    const token = newLinkToken(now);
    const link = await insertAccessLink(tx, {
      tokenHash: token.hash,
      purpose: "verify-entry",
      userId: actor.userId,
      entryId: input.entryId,
      recipientName: input.name,
      recipientEmail: input.email,
      locale: input.locale,
      frameworkId: null,
      waived: false,
      expiresAt: token.expiresAt,
    });
    const message = verificationRequestMail(input.locale, applicant.name, input.summary, `${context.baseUrl}/v/${token.token}`, token.until);
    await mail({ kind: "confirmation-request", userId: null, to: input.email, ...message });
    return done(
      portfolioEntrySubject(actor.userId, input.entryId),
      { linkId: link.id },
      {
        entryId: input.entryId,
        list: found.list,
        linkId: link.id,
        recipientName: input.name,
        recipientEmail: input.email,
        ...(samePerson ? { samePerson } : {}),
      },
    );
  },
});
