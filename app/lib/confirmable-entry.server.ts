import { findConfirmable } from "../../src/commands/confirm-entry.ts";
import type { Portfolio } from "../../src/domain/portfolio-schema.ts";
import type { Locale } from "../../src/data/schema.ts";
import { sections } from "../../src/forms/portfolio-sections.ts";
import { translator } from "../../src/i18n/translate.ts";
import { describeEntry } from "./describe-entry.ts";

/** An entry someone can confirm, described in words (for the mail and the confirmation page). */
export function confirmableSummary(portfolio: Portfolio, entryId: string, locale: Locale) {
  const found = findConfirmable(portfolio, entryId);
  const section = found && sections.find((candidate) => candidate.list === found.list);
  if (!found || !section) return undefined;
  const fields = section.fromEntry(found.entry);
  return { fields, summary: describeEntry(section.id, fields, translator(locale)), providerName: [fields.providerName, fields.supervisor].find((name): name is string => typeof name === "string" && name !== "") ?? "" };
}
