import type { Locale } from "./locale.ts";
import type { MessageKey } from "./messages-en.ts";

/**
 * Message formatting without the catalogues: this module is what the browser gets (the page
 * brings the one catalogue it needs, decision 018). `translate.ts` adds the catalogues for the server.
 */
export type { MessageKey };

/** A text in each of our languages: framework data such as a category's name. */
export type LocalizedText = Readonly<Record<Locale, string>>;
export type MessageValue = string | number | LocalizedText;
export type MessageValues = Readonly<Record<string, MessageValue>>;
/** A message to render later, in the reader's language (a notice is rendered in its recipient's). */
export type Message = { key: MessageKey; values?: MessageValues };
export type Catalog = Readonly<Partial<Record<MessageKey, string>>>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** US English and Mexican Spanish: the same digits, grouping and decimal point (see domain/explain.ts). */
const regions: Record<Locale, string> = { en: "en-US", es: "es-MX" };
const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(regions[locale])));
  return rules.select(count);
}

function formatCount(locale: Locale, count: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(regions[locale], { maximumFractionDigits: 2 })));
  return format.format(count);
}

function valueText(locale: Locale, value: MessageValue): string {
  return typeof value === "object" ? value[locale] : String(value);
}

/** The index just past the `}` that closes the `{` at `start`, or -1. */
function closingBrace(pattern: string, start: number): number {
  let depth = 0;
  for (let index = start; index < pattern.length; index++) {
    if (pattern[index] === "{") depth++;
    else if (pattern[index] === "}" && --depth === 0) return index + 1;
  }
  return -1;
}

/** `one {# hour} other {# hours}` -> { one: "# hour", other: "# hours" }, or undefined if malformed. */
function pluralBranches(body: string): Map<string, string> | undefined {
  const branches = new Map<string, string>();
  let index = 0;
  while (index < body.length) {
    const selector = /^\s*(=\d+(?:\.\d+)?|zero|one|two|few|many|other)\s*\{/.exec(body.slice(index));
    if (!selector) return body.slice(index).trim() === "" ? branches : undefined;
    const open = index + selector[0].length - 1;
    const end = closingBrace(body, open);
    if (end < 0) return undefined;
    branches.set(selector[1] ?? "", body.slice(open + 1, end - 1));
    index = end;
  }
  return branches;
}

function formatPlural(locale: Locale, count: number, body: string, values: MessageValues): string | undefined {
  const branches = pluralBranches(body);
  if (!branches?.has("other")) return undefined;
  // An exact match (=0) first, then the language's category; a category the message does not name is "other".
  const branch = branches.get(`=${count}`) ?? branches.get(pluralCategory(locale, count)) ?? branches.get("other") ?? "";
  return formatMessage(locale, branch.replace(/#/g, formatCount(locale, count)), values);
}

/**
 * Fills `{name}` with a value (a {en, es} value in this locale's text), `{name, number}` with a
 * number formatted for the locale ("1,234.5"), and chooses the branch of
 * `{count, plural, =0 {...} one {# hour} other {# hours}}` with Intl.PluralRules (`#` is the count,
 * formatted; a count may come as a number or as digits). A placeholder without a value stays
 * visible, so a missing value shows in review.
 */
export function formatMessage(locale: Locale, pattern: string, values: MessageValues = {}): string {
  let result = "";
  let index = 0;
  while (index < pattern.length) {
    const open = pattern.indexOf("{", index);
    if (open < 0) break;
    const end = closingBrace(pattern, open);
    if (end < 0) break;
    result += pattern.slice(index, open);
    const whole = pattern.slice(open, end);
    const plural = /^\{\s*(\w+)\s*,\s*plural\s*,([\s\S]*)\}$/.exec(whole);
    const simple = /^\{(\w+)\}$/.exec(whole);
    const number = /^\{\s*(\w+)\s*,\s*number\s*\}$/.exec(whole);
    const name = plural?.[1] ?? simple?.[1] ?? number?.[1];
    const value = name === undefined ? undefined : values[name];
    const count = typeof value === "number" ? value : typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
    if (plural && count !== undefined) result += formatPlural(locale, count, plural[2] ?? "", values) ?? whole;
    else if (number && count !== undefined) result += formatCount(locale, count);
    else if (simple && value !== undefined) result += valueText(locale, value);
    else result += whole;
    index = end;
  }
  return result + pattern.slice(index);
}

export function makeTranslator(locale: Locale, catalog: Catalog): Translate {
  return (key, values) => {
    const pattern = catalog[key] ?? key;
    return values ? formatMessage(locale, pattern, values) : pattern;
  };
}

/** An amount of US cents as written in both languages: "$25.00". */
export function dollars(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}
