import type { ConfirmableEntry } from "../../src/queries/references.ts";
import { translator } from "../../src/i18n/translate.ts";
import { describeEntry } from "./describe-entry.server.ts";

type Locale = Parameters<typeof translator>[0];

/** An entry someone can confirm, described in words (for the mail and the confirmation page), and who would confirm it. */
export function describeConfirmable(entry: ConfirmableEntry, locale: Locale) {
  const { fields } = entry;
  return {
    summary: describeEntry(entry.sectionId, fields, translator(locale)),
    providerName: [fields.providerName, fields.supervisor].find((name): name is string => typeof name === "string" && name !== "") ?? "",
  };
}
