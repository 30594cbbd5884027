import { randomBytes } from "node:crypto";
import { insertAccessLink } from "../data/access-links.ts";
import { enqueueMail } from "../data/outbox.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import type { Locale } from "../data/schema.ts";
import type { ReferenceRole } from "../domain/portfolio-schema.ts";
import { referenceRequestMail } from "../mail/templates.ts";
import { type CommandContext, ok, type Result } from "./command-context.ts";
import { newLinkToken } from "./link-tokens.ts";

export type ReferenceRequest = {
  raterName: string;
  raterEmail: string;
  role: ReferenceRole;
  frameworkId: string;
  waived: boolean;
  locale: Locale;
};

/**
 * Adds the reference to the portfolio (pending) and mails the rater a link to the rating form,
 * all in one transaction.
 */
export async function askForReference(context: CommandContext, applicant: { userId: string; name: string }, request: ReferenceRequest): Promise<Result<{ referenceId: string }>> {
  const now = context.now();
  const referenceId = `reference-${randomBytes(5).toString("hex")}`;
  const link = newLinkToken(now);
  await context.db.transaction().execute(async (tx) => {
    const portfolio = await findPortfolioForUpdate(tx, applicant.userId);
    const reference = { id: referenceId, kind: "rating" as const, raterName: request.raterName, role: request.role, raterCredentials: [], raterVetted: false, notEnoughInformation: 0 };
    await writePortfolio(tx, applicant.userId, { ...portfolio, references: [...portfolio.references, reference] }, now);
    await insertAccessLink(tx, {
      tokenHash: link.hash,
      purpose: "reference",
      userId: applicant.userId,
      entryId: referenceId,
      recipientName: request.raterName,
      recipientEmail: request.raterEmail,
      locale: request.locale,
      frameworkId: request.frameworkId,
      waived: request.waived,
      expiresAt: link.expiresAt,
    });
    const mail = referenceRequestMail(request.locale, applicant.name, `${context.baseUrl}/r/${link.token}`, link.until, false);
    await enqueueMail(tx, { kind: "reference-request", userId: null, to: request.raterEmail, ...mail });
  });
  return ok({ referenceId });
}
