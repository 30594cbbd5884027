import { z } from "zod";
import { insertAccessLink, insertAccessLinkEntries } from "../data/access-links.ts";
import { findPortfolioForUpdate } from "../data/portfolios.ts";
import { findUserById } from "../data/users.ts";
import { confirmerKey, confirmerNameOf, entriesAwaiting, findConfirmable } from "../domain/confirmable-entries.ts";
import { confirmEntriesRequestMail } from "../mail/templates.ts";
import { portfolioPolicy } from "../policies/portfolio.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { newLinkToken } from "./shared/link-tokens.ts";
import { checkRequestToRecipient } from "./shared/mail-to-strangers.ts";
import { entriesAskedOf } from "./shared/open-confirmations.ts";

/**
 * The applicant asks the provider or supervisor named on `entryId` to confirm, through one link and
 * one mail, every entry not yet confirmed that names them (decision 020). The set is fixed now: an
 * entry added later needs a new request, which then asks only about what is not already asked.
 * Counts as one request against the daily limits (docs/security.md, "Mail").
 */
export const askToConfirmEntries = defineCommand({
  name: "confirmations.requested",
  actors: ["person"],
  input: z.object({
    entryId: z.string().min(1),
    name: z.string().trim().min(1, "error.required").max(200, "error.tooLong"),
    email: z.email("error.email"),
    locale: z.enum(["en", "es"]),
  }),
  policy: (actor) => portfolioPolicy.editOwn(actor),
  prepare: (input, { db, actor, context }) => checkRequestToRecipient(db, context, actor, { kind: "confirmation", email: input.email, field: "email" }),
  async run({ tx, actor, input, now, context, mail, prepared: samePerson }) {
    const portfolio = await findPortfolioForUpdate(tx, actor.userId);
    const found = findConfirmable(portfolio, input.entryId) ?? refuse({ form: "portfolio.notFound" });
    const asked = await entriesAskedOf(tx, actor.userId, input.email, now);
    const entryIds = entriesAwaiting(portfolio, confirmerKey(confirmerNameOf(found.list, found.entry)))
      .map(({ entry }) => entry.id as string)
      .filter((id) => !asked.has(id));
    if (entryIds.length === 0) refuse({ email: "mailSafety.alreadyAsked" });
    const applicant = (await findUserById(tx, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
    const token = newLinkToken(now);
    const link = await insertAccessLink(tx, {
      tokenHash: token.hash,
      purpose: "confirm-entries",
      userId: actor.userId,
      entryId: input.entryId,
      recipientName: input.name,
      recipientEmail: input.email,
      locale: input.locale,
      frameworkId: null,
      waived: false,
      expiresAt: token.expiresAt,
    });
    await insertAccessLinkEntries(tx, link.id, entryIds);
    const message = confirmEntriesRequestMail(input.locale, applicant.name, entryIds.length, `${context.baseUrl}/c/${token.token}`, token.until, false);
    await mail({ kind: "confirmation-request", userId: null, to: input.email, ...message });
    return done(
      { type: "portfolio", id: actor.userId },
      { linkId: link.id, count: entryIds.length },
      {
        linkId: link.id,
        entryIds,
        recipientName: input.name,
        recipientEmail: input.email,
        ...(samePerson ? { samePerson } : {}),
      },
    );
  },
});
