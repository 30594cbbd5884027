import { randomBytes } from "node:crypto";
import { z } from "zod";
import { insertAccessLink } from "../data/access-links.ts";
import { listFrameworkIdsOfAssociation } from "../data/association-frameworks.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import { findUserById } from "../data/users.ts";
import { referenceRoles } from "../domain/portfolio-codes.ts";
import { referenceRequestMail } from "../mail/templates.ts";
import { hasRole } from "../policies/actor.ts";
import { portfolioPolicy } from "../policies/portfolio.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertRoomIn } from "./guards/lock-portfolio.ts";
import { newLinkToken } from "./shared/link-tokens.ts";
import { checkRequestToRecipient, refuseOpenRequest } from "./shared/mail-to-strangers.ts";
import { portfolioEntrySubject } from "./shared/portfolio-entry-subject.ts";

/**
 * The applicant names a rater and what the rating is for (the category they seek, through one of
 * their associations, which the form then names and asks about): the reference joins the
 * portfolio (pending) and the rater is mailed a link to the rating form, all in one transaction. Not to the applicant's own address, at
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
    categoryId: z.string().min(1, "error.choose"),
    associationId: z.uuid().nullable(),
    waived: z.boolean(),
    locale: z.enum(["en", "es"]),
  }),
  // Through an association only for its members.
  policy: (actor, input) => portfolioPolicy.editOwn(actor) && (input.associationId === null || hasRole(actor, input.associationId, "member")),
  async prepare(input, { db, actor, context }) {
    const framework = context.frameworks.find((candidate) => candidate.id === input.frameworkId);
    if (!framework?.categories.some((category) => category.id === input.categoryId)) refuse({ category: "error.choose" });
    if (input.associationId !== null && !(await listFrameworkIdsOfAssociation(db, input.associationId)).includes(input.frameworkId))
      refuse({ category: "error.choose" });
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
      categoryId: input.categoryId,
      associationId: input.associationId,
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
        categoryId: input.categoryId,
        associationId: input.associationId,
        waived: input.waived,
        ...(samePerson ? { samePerson } : {}),
      },
    );
  },
});
