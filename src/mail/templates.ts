import type { Locale } from "../data/schema.ts";
import { type MessageKey, translator } from "../i18n/translate.ts";

export type RenderedMail = { subject: string; text: string; html: string };

type Paragraph = { text: string } | { link: string };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Every Cradle mail: a greeting, paragraphs and links, a signature; as plain text and simple HTML. */
function compose(subject: string, greeting: string, paragraphs: Paragraph[], signature: string): RenderedMail {
  const textParts = [greeting, ...paragraphs.map((p) => ("link" in p ? p.link : p.text)), signature];
  const htmlParts = [
    greeting,
    ...paragraphs.map((p) =>
      "link" in p ? `<a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a>` : escapeHtml(p.text),
    ),
    signature,
  ].map((part, index) => (index === 0 || index === paragraphs.length + 1 ? escapeHtml(part) : part));
  return {
    subject,
    text: textParts.join("\n\n") + "\n",
    html: `<!doctype html><html><body>${htmlParts.map((part) => `<p>${part}</p>`).join("")}</body></html>`,
  };
}

function linkMail(locale: Locale, name: string, keys: { subject: MessageKey; body: MessageKey; ignore: MessageKey }, link: string) {
  const t = translator(locale);
  return compose(t(keys.subject), t("mail.greeting", { name }), [{ text: t(keys.body) }, { link }, { text: t(keys.ignore) }], t("mail.signature"));
}

export const verifyEmailMail = (locale: Locale, name: string, link: string) =>
  linkMail(locale, name, { subject: "mail.verify.subject", body: "mail.verify.body", ignore: "mail.verify.ignore" }, link);

export const resetPasswordMail = (locale: Locale, name: string, link: string) =>
  linkMail(locale, name, { subject: "mail.reset.subject", body: "mail.reset.body", ignore: "mail.reset.ignore" }, link);

export function roleGrantedMail(locale: Locale, name: string, association: string, roleKey: MessageKey, link: string) {
  const t = translator(locale);
  const role = t(roleKey);
  return compose(
    t("mail.role.subject", { association }),
    t("mail.greeting", { name }),
    [{ text: t("mail.role.body", { role, association }) }, { link }],
    t("mail.signature"),
  );
}

const text2 = (en: string, es: string) => ({ en, es });

/** To someone without an account who is asked to do something through a link: both languages, the asker's first. */
function askMail(locale: Locale, subject: { en: string; es: string }, body: { en: string; es: string }, link: string, until: string): RenderedMail {
  const first = locale;
  const second: Locale = locale === "en" ? "es" : "en";
  const paragraphs: Paragraph[] = [
    { text: body[first] },
    { link },
    { text: first === "en" ? `The link works until ${until}. You can save your answers and come back.` : `El enlace funciona hasta el ${until}. Puede guardar sus respuestas y volver.` },
    { text: "—" },
    { text: body[second] },
  ];
  return compose(`${subject[first]} / ${subject[second]}`, first === "en" ? "Hello," : "Hola:", paragraphs, first === "en" ? "The Cradle team" : "El equipo de Cradle");
}

export function referenceRequestMail(locale: Locale, applicant: string, link: string, until: string, isReminder: boolean): RenderedMail {
  const reminder = isReminder ? text2("Reminder: ", "Recordatorio: ") : text2("", "");
  return askMail(
    locale,
    text2(`${reminder.en}${applicant} asks you for a reference`, `${reminder.es}${applicant} le pide una referencia`),
    text2(
      `${applicant} is applying for endorsement in infant and early childhood mental health and named you as a reference. Please rate what you have seen of their work. It takes about ten minutes and needs no account.`,
      `${applicant} solicita una acreditación en salud mental infantil y de la primera infancia y le nombró como referencia. Evalúe lo que ha observado de su trabajo. Toma unos diez minutos y no necesita una cuenta.`,
    ),
    link,
    until,
  );
}

export function verificationRequestMail(locale: Locale, applicant: string, what: string, link: string, until: string): RenderedMail {
  return askMail(
    locale,
    text2(`${applicant} asks you to confirm hours`, `${applicant} le pide confirmar horas`),
    text2(
      `${applicant} recorded this in their endorsement portfolio and says you can confirm it: ${what}. Please open the link and confirm it, or say what is not right.`,
      `${applicant} registró esto en su portafolio de acreditación e indica que usted puede confirmarlo: ${what}. Abra el enlace y confírmelo, o indique qué no es correcto.`,
    ),
    link,
    until,
  );
}

/** A short notice to someone with an account: what happened, and where to see it. */
export function noticeMail(locale: Locale, name: string, what: { en: string; es: string }, link: string): RenderedMail {
  const t = translator(locale);
  return compose(what[locale], t("mail.greeting", { name }), [{ text: what[locale] }, { link }], t("mail.signature"));
}
