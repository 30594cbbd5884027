import { findApplicationForUpdate } from "../../data/applications.ts";
import { findAssociationById } from "../../data/associations.ts";
import { findLetterText, insertLetter } from "../../data/letters.ts";
import { findUserById } from "../../data/users.ts";
import { fillLetter, type LetterKind, type LetterValues } from "../../domain/letters.ts";
import { translator } from "../../i18n/translate.ts";
import { inertText } from "../../mail/inert-text.ts";
import { letterMail } from "../../mail/templates.ts";
import type { Actor } from "../../policies/actor.ts";
import type { CommandScope } from "../define-command.ts";
import { refuse } from "../define-command.ts";
import { findCategory } from "./find-category.ts";

type LetterScope = Pick<CommandScope<Actor, unknown>, "tx" | "actor" | "context" | "today" | "mail">;

/**
 * Writes a letter to an application's applicant, in their language (else the association's): the
 * association's own wording of the kind, else Cradle's default, with `{name}`, `{category}`,
 * `{association}` and `{date}` filled here and `feedback`, `until` and `retake` from the caller. The letter is
 * stored as rendered (the PDF is made from it), and sent by mail and to the applicant's Messages.
 * Called inside a command (the decision; the exam's result), in its transaction.
 */
export async function issueLetter(
  scope: LetterScope,
  letter: { applicationId: string; kind: LetterKind; values?: Partial<Pick<LetterValues, "feedback" | "until" | "retake">> },
): Promise<string> {
  const { tx, context } = scope;
  const application = (await findApplicationForUpdate(tx, letter.applicationId)) ?? refuse({ form: "portfolio.notFound" });
  const [applicant, association] = await Promise.all([findUserById(tx, application.user_id), findAssociationById(tx, application.association_id)]);
  if (!applicant || !association) refuse({ form: "portfolio.notFound" });
  const { category } = findCategory(context, application.framework_id, application.category_id);
  const locale = applicant.locale ?? association.locale;
  const t = translator(locale);
  const own = await findLetterText(tx, association.id, letter.kind, locale);
  const text = own ?? { subject: t(`letter.${letter.kind}.subject`), body: t(`letter.${letter.kind}.body`) };
  const values: LetterValues = {
    name: applicant.name,
    category: category.name[locale],
    association: association.name,
    date: scope.today(association.time_zone),
    until: letter.values?.until ?? "",
    retake: letter.values?.retake ?? "",
    // Staff's words reach the mail as text, never as a link (src/mail/inert-text.ts), paragraph by paragraph.
    feedback: (letter.values?.feedback ?? "")
      .split(/\r?\n/)
      .map((line) => inertText(line))
      .join("\n")
      .trim(),
  };
  const subject = inertText(fillLetter(text.subject, values), 300);
  const body = fillLetter(text.body, values);
  const letterId = await insertLetter(tx, {
    applicationId: application.id,
    kind: letter.kind,
    locale,
    subject,
    body,
    createdByUserId: scope.actor.kind === "person" ? scope.actor.userId : null,
  });
  await scope.mail({
    kind: `letter-${letter.kind}`,
    userId: applicant.id,
    to: applicant.email,
    ...letterMail(locale, applicant.name, { subject, body }, `${context.baseUrl}/applications/${application.id}`),
  });
  return letterId;
}
