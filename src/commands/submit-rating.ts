import { z } from "zod";
import { completeAccessLink } from "../data/access-links.ts";
import { findTimeZoneOfPerson } from "../data/associations.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import { isIsoDate } from "../domain/dates.ts";
import type { HeldCredential } from "../domain/portfolio-schema.ts";
import { countNotEnoughInformation, isVoidRating, ratingAnswersOf, ratingFormFor, ratingFrameworkOf, unansweredItems } from "../domain/rating-form.ts";
import type { FieldErrors } from "./command-context.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertOpenLink } from "./guards/assert-open-link.ts";
import { portfolioEntrySubject } from "./shared/portfolio-entry-subject.ts";
import { ratingAnswersInput } from "./save-rating-draft.ts";

/**
 * The rater sends their rating through their link: the answers are kept on the link, the
 * portfolio's reference is marked completed (today where the applicant's association is) with its
 * count of "not enough information" answers, and the applicant is told. Each area must be
 * answered; a refusal keeps nothing (the page saves the draft).
 *
 * A rating with more "not enough information" answers than the category allows will not count.
 * It is never taken silently: the first time, it is refused with the reason, so the rater can
 * change answers they can in fact give; sent again with `anyway`, it is recorded as it is. A rater
 * who does not know the applicant's work well enough has still answered honestly, and pushing them
 * to rate what they have not seen would be worse than a rating that does not count; the applicant
 * then sees it does not, and can ask someone else.
 */
export const submitRating = defineCommand({
  name: "reference.submitted",
  actors: ["link"],
  input: z.object({ answers: ratingAnswersInput, anyway: z.boolean().default(false) }),
  policy: (actor) => actor.purpose === "reference",
  async run({ tx, actor, input, now, today, context, notify }) {
    const link = await assertOpenLink(tx, actor, now);
    const form = ratingFormFor(ratingFrameworkOf(context.frameworks, link.framework_id), link.category_id);
    const answers = ratingAnswersOf(form, input.answers);
    const completed = today(await findTimeZoneOfPerson(tx, link.user_id));
    const errors: FieldErrors = Object.fromEntries(unansweredItems(form, answers).map((item) => [item, "error.choose" as const]));
    const credential = raterCredential(answers, completed);
    if (credential === "invalid") errors.raterEarned = "error.date";
    const isVoid = isVoidRating(form, answers);
    if (isVoid && !input.anyway) errors.notEnoughInformation = "rating.tooManyNotEnough";
    if (Object.keys(errors).length > 0 || credential === "invalid") refuse(errors);
    if (!(await completeAccessLink(tx, link.id, answers, now))) refuse({ form: "rating.used" });
    const notEnoughInformation = countNotEnoughInformation(form, answers);
    const portfolio = await findPortfolioForUpdate(tx, link.user_id);
    const references = portfolio.references.map((reference) =>
      reference.id === link.entry_id
        ? { ...reference, completed, notEnoughInformation, raterCredentials: credential ? [credential] : reference.raterCredentials }
        : reference,
    );
    await writePortfolio(tx, link.user_id, { ...portfolio, references }, now);
    const what = { key: "notice.referenceCompleted", values: { name: link.recipient_name } } as const;
    await notify(link.user_id, "reference-completed", what, "/portfolio/references", link.locale);
    // The answers stay on the link (a waived rating's answers are for the association alone), not in the audit entry.
    return done(
      portfolioEntrySubject(link.user_id, link.entry_id),
      { completed },
      {
        entryId: link.entry_id,
        recipientName: link.recipient_name,
        recipientEmail: link.recipient_email,
        completed,
        notEnoughInformation,
        raterCredential: credential,
        void: isVoid,
        waived: link.waived,
      },
    );
  },
});

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
