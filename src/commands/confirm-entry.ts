import { completeAccessLink, insertAccessLink } from "../data/access-links.ts";
import { enqueueMail } from "../data/outbox.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import type { Locale } from "../data/schema.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import { verificationRequestMail } from "../mail/templates.ts";
import { findOpenLink, type LinkState } from "./answer-rating.ts";
import { notifyUser } from "./notify.ts";
import { type CommandContext, fail, ok, type Result } from "./command-context.ts";
import { newLinkToken } from "./link-tokens.ts";

/** The lists whose entries someone else can confirm: work (a supervisor) and RS/C sessions (the provider). */
export const confirmableLists = ["work", "reflectiveSupervision"] as const;
type ConfirmableList = (typeof confirmableLists)[number];

export function findConfirmable(portfolio: Portfolio, entryId: string): { list: ConfirmableList; entry: Record<string, unknown> } | undefined {
  for (const list of confirmableLists) {
    const entry = (portfolio[list] as Array<Record<string, unknown>>).find((candidate) => candidate.id === entryId);
    if (entry) return { list, entry };
  }
  return undefined;
}

/** Mails the provider or supervisor a link to confirm one entry; the link does nothing else. */
export async function askForConfirmation(
  context: CommandContext,
  applicant: { userId: string; name: string },
  input: { entryId: string; name: string; email: string; summary: string; locale: Locale },
): Promise<Result<null>> {
  const now = context.now();
  const link = newLinkToken(now);
  return context.db.transaction().execute(async (tx) => {
    const portfolio = await findPortfolioForUpdate(tx, applicant.userId);
    if (!findConfirmable(portfolio, input.entryId)) return fail<null>({ form: "portfolio.notFound" });
    await insertAccessLink(tx, {
      tokenHash: link.hash,
      purpose: "verify-entry",
      userId: applicant.userId,
      entryId: input.entryId,
      recipientName: input.name,
      recipientEmail: input.email,
      locale: input.locale,
      frameworkId: null,
      waived: false,
      expiresAt: link.expiresAt,
    });
    const mail = verificationRequestMail(input.locale, applicant.name, input.summary, `${context.baseUrl}/v/${link.token}`, link.until);
    await enqueueMail(tx, { kind: "confirmation-request", userId: null, to: input.email, ...mail });
    return ok(null);
  });
}

/** The provider's answer: a confirmation marks the entry verified; either way the applicant is told. */
export async function answerConfirmation(context: CommandContext, token: string, answer: { confirmed: boolean; comment: string }): Promise<LinkState> {
  const { link, state } = await findOpenLink(context, "verify-entry", token);
  if (state !== "open" || !link) return state;
  const now = context.now();
  await context.db.transaction().execute(async (tx) => {
    if (!(await completeAccessLink(tx, link.id, answer, now))) return;
    const portfolio = await findPortfolioForUpdate(tx, link.user_id);
    const found = findConfirmable(portfolio, link.entry_id);
    if (found && answer.confirmed) {
      const list = (portfolio[found.list] as Array<Record<string, unknown>>).map((entry) => (entry.id === link.entry_id ? { ...entry, verified: true } : entry));
      await writePortfolio(tx, link.user_id, { ...portfolio, [found.list]: list }, now);
    }
    const what = answer.confirmed
      ? { en: `${link.recipient_name} confirmed an entry of your portfolio.`, es: `${link.recipient_name} confirmó una entrada de su portafolio.` }
      : { en: `${link.recipient_name} says an entry of your portfolio is not right: ${answer.comment}`, es: `${link.recipient_name} indica que una entrada de su portafolio no es correcta: ${answer.comment}` };
    await notifyUser(tx, context, link.user_id, "confirmation-answered", what, "/portfolio", link.locale);
  });
  return "used";
}
