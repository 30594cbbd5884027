import { hashToken } from "../auth/tokens.ts";
import { completeAccessLink, findAccessLinkByToken, saveAccessLinkDraft } from "../data/access-links.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import { isIsoDate } from "../domain/dates.ts";
import type { HeldCredential } from "../domain/portfolio-schema.ts";
import { countNotEnoughInformation, type RatingForm, unansweredItems } from "../domain/rating-form.ts";
import { notifyUser } from "./notify.ts";
import { type CommandContext, fail, ok, type Result } from "./command-context.ts";

export type LinkState = "open" | "expired" | "used" | "unknown";

export async function findOpenLink(context: CommandContext, purpose: "reference" | "verify-entry", token: string) {
  const link = await findAccessLinkByToken(context.db, purpose, hashToken(token));
  const state: LinkState = !link ? "unknown" : link.completed_at ? "used" : link.expires_at <= context.now() ? "expired" : "open";
  return { link, state };
}

/** Keeps a rater's answers so far; they can close the page and come back through the same link. */
export async function saveRatingDraft(context: CommandContext, token: string, answers: Record<string, string>): Promise<LinkState> {
  const { link, state } = await findOpenLink(context, "reference", token);
  if (state === "open") await saveAccessLinkDraft(context.db, link!.id, answers);
  return state;
}

/**
 * Records a completed rating: the answers on the link, the portfolio's reference marked completed
 * with its count of "not enough information" answers, and a mail to the applicant.
 */
export async function submitRating(context: CommandContext, token: string, form: RatingForm, answers: Record<string, string>): Promise<Result<{ state: LinkState }>> {
  const { link, state } = await findOpenLink(context, "reference", token);
  if (state !== "open" || !link) return ok({ state });
  const now = context.now();
  const today = now.toISOString().slice(0, 10);
  const errors = Object.fromEntries(unansweredItems(form, answers).map((item) => [item, "error.choose" as const]));
  const credential = raterCredential(answers, today);
  if (credential === "invalid") Object.assign(errors, { raterEarned: "error.date" as const });
  if (Object.keys(errors).length > 0 || credential === "invalid") {
    await saveAccessLinkDraft(context.db, link.id, answers);
    return fail(errors);
  }
  return context.db.transaction().execute(async (tx) => {
    if (!(await completeAccessLink(tx, link.id, answers, now))) return ok({ state: "used" });
    const portfolio = await findPortfolioForUpdate(tx, link.user_id);
    const references = portfolio.references.map((reference) =>
      reference.id === link.entry_id
        ? { ...reference, completed: today, notEnoughInformation: countNotEnoughInformation(form, answers), raterCredentials: credential ? [credential] : reference.raterCredentials }
        : reference,
    );
    await writePortfolio(tx, link.user_id, { ...portfolio, references }, now);
    const what = { en: `${link.recipient_name} completed your reference rating.`, es: `${link.recipient_name} completó su evaluación de referencia.` };
    await notifyUser(tx, context, link.user_id, "reference-completed", what, "/portfolio/references", link.locale);
    return ok({ state: "used" });
  });
}

/**
 * The endorsement the rater says they hold ("framework/category", since a date), which some rules
 * ask of a rater; reviewers check it. Null when they hold none, "invalid" without a past date.
 */
function raterCredential(answers: Record<string, string>, today: string): HeldCredential | null | "invalid" {
  const [framework, category] = (answers.raterCredential ?? "").split("/");
  if (!framework || !category) return null;
  const earned = answers.raterEarned ?? "";
  if (!isIsoDate(earned) || earned > today) return "invalid";
  return { framework, category, earned, status: "active" };
}
