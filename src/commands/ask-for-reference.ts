import { randomBytes } from "node:crypto";
import { z } from "zod";
import { insertAccessLink } from "../data/access-links.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import { findUserById } from "../data/users.ts";
import { referenceRoles } from "../domain/portfolio-schema.ts";
import { referenceRequestMail } from "../mail/templates.ts";
import { portfolioPolicy } from "../policies/portfolio.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertRoomIn } from "./guards/lock-portfolio.ts";
import { newLinkToken } from "./shared/link-tokens.ts";
import { checkRequestToRecipient, refuseOpenRequest } from "./shared/mail-to-strangers.ts";
import { portfolioEntrySubject } from "./shared/portfolio-entry-subject.ts";

/**
 * The applicant names a rater: the reference joins the portfolio (pending) and the rater is
 * mailed a link to the rating form, all in one transaction. Not to the applicant's own address, at
 * most 10 a day and 3 a day to one mailbox, and one open request per rater and framework
 * (docs/security.md, "Mail"); a rater whose address is another account of the applicant's is
 * flagged in the audit entry, by Cradle, for the reviewers.
 */
export const askForReference = defineCommand({
  name: "reference.requested",
  actors: ["person"],
  input: z.object({
    raterName: z.string().trim().min(1, "error.required").max(200, "error.tooLong"),
    raterEmail: z.email("error.email"),
    role: z.enum(referenceRoles, "error.choose"),
    frameworkId: z.string().min(1, "error.choose"),
    waived: z.boolean(),
    locale: z.enum(["en", "es"]),
  }),
  policy: (actor) => portfolioPolicy.editOwn(actor),
  async prepare(input, { db, actor, context }) {
    if (!context.frameworks.some((framework) => framework.id === input.frameworkId)) refuse({ frameworkId: "error.choose" });
    return checkRequestToRecipient(db, context, actor, { kind: "reference", email: input.raterEmail, field: "raterEmail" });
  },
  async run({ tx, actor, input, now, context, mail, prepared: samePerson }) {
    const applicant = (await findUserById(tx, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
    const referenceId = `reference-${randomBytes(5).toString("hex")}`;
    const portfolio = await findPortfolioForUpdate(tx, actor.userId);
    await refuseOpenRequest(tx, actor.userId, "reference", now, {
      email: input.raterEmail,
      field: "raterEmail",
      sameThing: (link) => link.framework_id === input.frameworkId,
    });
    assertRoomIn(portfolio.references);
    const reference = {
      id: referenceId,
      kind: "rating" as const,
      raterName: input.raterName,
      role: input.role,
      raterCredentials: [],
      raterVetted: false,
      notEnoughInformation: 0,
    };
    await writePortfolio(tx, actor.userId, { ...portfolio, references: [...portfolio.references, reference] }, now);
    const token = newLinkToken(now);
    const link = await insertAccessLink(tx, {
      tokenHash: token.hash,
      purpose: "reference",
      userId: actor.userId,
      entryId: referenceId,
      recipientName: input.raterName,
      recipientEmail: input.raterEmail,
      locale: input.locale,
      frameworkId: input.frameworkId,
      waived: input.waived,
      expiresAt: token.expiresAt,
    });
    const message = referenceRequestMail(input.locale, applicant.name, `${context.baseUrl}/r/${token.token}`, token.until, false);
    await mail({ kind: "reference-request", userId: null, to: input.raterEmail, ...message });
    return done(
      portfolioEntrySubject(actor.userId, referenceId),
      { referenceId },
      {
        entryId: referenceId,
        linkId: link.id,
        recipientName: input.raterName,
        recipientEmail: input.raterEmail,
        role: input.role,
        frameworkId: input.frameworkId,
        waived: input.waived,
        ...(samePerson ? { samePerson } : {}),
      },
    );
  },
});
