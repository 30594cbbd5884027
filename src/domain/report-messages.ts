import type { Text } from "./framework-schema.ts";
import { educationLevels, type EducationLevel } from "./portfolio-codes.ts";
import { exclusionReasons, type ExclusionReason, type Unit, units } from "./report-codes.ts";

/**
 * The engine's own words (what is missing, the names of the measures it adds, renewal's
 * requirements, the rating scale) are message descriptors: a key of the catalogues' `engine.`
 * group and its values, rendered in the reader's language by a presenter
 * (`src/i18n/report-text.ts`). Framework data (a requirement's label, a category's name) stays
 * {en, es} text: those words are the published rules', not ours. The domain imports nothing of
 * ours, so the keys are listed here; a unit test checks each one against both catalogues.
 */
const fixedKeys = [
  "engine.measure.workYears",
  "engine.measure.familiesServed",
  "engine.measure.aboutProvided",
  "engine.measure.recipients",
  "engine.measure.span",
  "engine.missing.spread",
  "engine.missing.bothFormats",
  "engine.missing.transcript",
  "engine.missing.document",
  "engine.missing.documentUpTo",
  "engine.missing.exam",
  "engine.missing.education",
  "engine.missing.educationRelated",
  "engine.missing.licence",
  "engine.missing.credential",
  "engine.missing.codeOfEthics",
  "engine.missing.membership",
  "engine.missing.oneOf",
  "engine.list.or",
  "engine.renewal.training",
  "engine.renewal.dei",
  "engine.renewal.rsc",
  "engine.renewal.other",
  "engine.renewal.rscReceived",
  "engine.renewal.ethics",
  "engine.renewal.membership",
  "engine.rating.1",
  "engine.rating.2",
  "engine.rating.3",
  "engine.rating.4",
  "engine.rating.nei",
  // The exam read from recorded results (issue 16 item 7).
  "engine.missing.examResult",
] as const;

export type ReportMessageKey =
  | (typeof fixedKeys)[number]
  | `engine.shortfall.${Unit}`
  | `engine.soFar.${Unit}`
  | `engine.unit.${Unit}`
  | `engine.reason.${ExclusionReason}`
  | `engine.level.${EducationLevel}`;

/** Every key a report, a renewal or the rating form can name. */
export const reportMessageKeys: readonly ReportMessageKey[] = [
  ...fixedKeys,
  ...units.flatMap((unit) => [`engine.shortfall.${unit}`, `engine.soFar.${unit}`, `engine.unit.${unit}`] as const),
  ...exclusionReasons.map((reason) => `engine.reason.${reason}` as const),
  ...educationLevels.map((level) => `engine.level.${level}` as const),
];

/**
 * A value of a message: a number (a count, read for plurals and formatted for the locale), a
 * string, framework text, another of the engine's messages (a measure's name inside its
 * shortfall), or a list of framework texts read as alternatives ("A; or B").
 */
export type ReportValue = string | number | Text | ReportMessage | readonly Text[];
export type ReportMessage = { key: ReportMessageKey; values?: Readonly<Record<string, ReportValue>> };

/** Words a report shows: framework data as published, or the engine's message. */
export type ReportText = Text | ReportMessage;

export function message(key: ReportMessageKey, values?: Readonly<Record<string, ReportValue>>): ReportMessage {
  return values === undefined ? { key } : { key, values };
}

export function isReportMessage(text: ReportText): text is ReportMessage {
  return "key" in text;
}

/** Why an entry did not count, in words. */
export function reasonMessage(reason: ExclusionReason): ReportMessage {
  return message(`engine.reason.${reason}`);
}

/** The word for a unit, singular or plural by the count: "hour", "hours". */
export function unitMessage(unit: Unit, count: number): ReportMessage {
  return message(`engine.unit.${unit}`, { count });
}

/** Framework text changed the same way in each language (lower-cased to sit inside a sentence). */
export function mapText(text: Text, change: (words: string) => string): Text {
  return { en: change(text.en), es: change(text.es) };
}

/** Framework texts joined in each language: names of exam parts, "A, B". */
export function joinText(texts: readonly Text[], separator: string): Text {
  return { en: texts.map((text) => text.en).join(separator), es: texts.map((text) => text.es).join(separator) };
}
