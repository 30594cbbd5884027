import type { Locale } from "../data/schema.ts";
import { type Message, type MessageKey, render, translator } from "../i18n/translate.ts";
import { inertText, mailName } from "./inert-text.ts";

export type RenderedMail = { subject: string; text: string; html: string };

type Paragraph = { text: string } | { link: string };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Every Cradle mail: a greeting, paragraphs and links, a signature; as plain text and simple HTML.
 * Only Cradle's own links are links: what people typed reaches a template through `mailName` or
 * `inertText` (src/mail/inert-text.ts), so it can neither be clicked nor look like an address.
 */
function compose(subject: string, greeting: string, paragraphs: Paragraph[], signature: string): RenderedMail {
  const textParts = [greeting, ...paragraphs.map((p) => ("link" in p ? p.link : p.text)), signature];
  const htmlParts = [
    greeting,
    ...paragraphs.map((p) => ("link" in p ? `<a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a>` : escapeHtml(p.text))),
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
  return compose(
    t(keys.subject),
    t("mail.greeting", { name: mailName(name) }),
    [{ text: t(keys.body) }, { link }, { text: t(keys.ignore) }],
    t("mail.signature"),
  );
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
    t("mail.greeting", { name: mailName(name) }),
    [{ text: t("mail.role.body", { role, association }) }, { link }],
    t("mail.signature"),
  );
}

/** An entry's summary in a confirmation request is cut to this many characters. */
const summaryLength = 300;

/** To someone without an account who is asked to do something through a link: both languages, the asker's first. */
function askMail(locale: Locale, subject: Message, body: Message, link: string, until: string): RenderedMail {
  const first = translator(locale);
  const second = translator(locale === "en" ? "es" : "en");
  const paragraphs: Paragraph[] = [
    { text: first(body.key, body.values) },
    { link },
    { text: first("mail.ask.until", { until }) },
    { text: "—" },
    { text: second(body.key, body.values) },
  ];
  return compose(
    `${first(subject.key, subject.values)} / ${second(subject.key, subject.values)}`,
    first("mail.ask.greeting"),
    paragraphs,
    first("mail.signature"),
  );
}

export function referenceRequestMail(locale: Locale, applicant: string, link: string, until: string, isReminder: boolean): RenderedMail {
  const values = { applicant: mailName(applicant) };
  const subject: Message = { key: isReminder ? "mail.ask.reference.reminderSubject" : "mail.ask.reference.subject", values };
  return askMail(locale, subject, { key: "mail.ask.reference.body", values }, link, until);
}

export function verificationRequestMail(locale: Locale, applicant: string, what: string, link: string, until: string): RenderedMail {
  return askMail(
    locale,
    { key: "mail.ask.confirmation.subject", values: { applicant: mailName(applicant) } },
    { key: "mail.ask.confirmation.body", values: { applicant: mailName(applicant), what: inertText(what, summaryLength) } },
    link,
    until,
  );
}

/** One link for every entry awaiting one provider or supervisor: the mail says how many, the page lists them. */
export function confirmEntriesRequestMail(locale: Locale, applicant: string, count: number, link: string, until: string, isReminder: boolean): RenderedMail {
  const values = { applicant: mailName(applicant), count };
  const subject: Message = { key: isReminder ? "mail.ask.confirmEntries.reminderSubject" : "mail.ask.confirmEntries.subject", values };
  return askMail(locale, subject, { key: "mail.ask.confirmEntries.body", values }, link, until);
}

/** A short notice to someone with an account: what happened (rendered in their language), and where to see it. */
export function noticeMail(locale: Locale, name: string, what: Message, link: string): RenderedMail {
  const t = translator(locale);
  const values = Object.fromEntries(Object.entries(what.values ?? {}).map(([key, value]) => [key, typeof value === "string" ? inertText(value) : value]));
  const text = render(locale, { ...what, values });
  return compose(text, t("mail.greeting", { name: mailName(name) }), [{ text }, { link }], t("mail.signature"));
}

/**
 * To the owner of an address someone tried to sign up with: no account was made, and where to go
 * if it was them. Nothing the person who tried typed is in it.
 */
export function signUpAttemptMail(locale: Locale, name: string, links: { logIn: string; reset: string }): RenderedMail {
  const t = translator(locale);
  return compose(
    t("mailSafety.signUpAttempt.subject"),
    t("mail.greeting", { name: mailName(name) }),
    [
      { text: t("mailSafety.signUpAttempt.body") },
      { text: t("mailSafety.signUpAttempt.logIn") },
      { link: links.logIn },
      { text: t("mailSafety.signUpAttempt.reset") },
      { link: links.reset },
      { text: t("mailSafety.signUpAttempt.ignore") },
    ],
    t("mail.signature"),
  );
}

/**
 * A letter (src/commands/shared/issue-letter.ts) as mail: its subject, its body's paragraphs as
 * rendered and stored, and the link to the application page, where its PDF is.
 */
export function letterMail(locale: Locale, name: string, letter: { subject: string; body: string }, link: string): RenderedMail {
  const t = translator(locale);
  const paragraphs: Paragraph[] = letter.body
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter((text) => text !== "")
    .map((text) => ({ text }));
  return compose(letter.subject, t("mail.greeting", { name: mailName(name) }), [...paragraphs, { text: t("letter.mailLink") }, { link }], t("mail.signature"));
}
