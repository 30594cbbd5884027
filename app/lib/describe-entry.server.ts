import type { FormValues } from "../../src/forms/parse-form.ts";
import { findSection } from "../../src/forms/portfolio-sections.ts";
import type { Translate } from "../../src/i18n/translate.ts";

/** One line that names an entry in lists: the first few filled-in fields, options in words. */
export function describeEntry(sectionId: string, fields: FormValues, t: Translate): string {
  const section = findSection(sectionId);
  if (!section) return "";
  const parts: string[] = [];
  for (const field of section.fields) {
    const value = fields[field.name];
    if (typeof value !== "string" || value === "" || field.kind === "checkbox" || field.kind === "checkboxes") continue;
    const option = field.options?.find((candidate) => candidate.value === value);
    parts.push(option ? t(option.label) : field.name === "hours" || field.name === "clockHours" ? `${value} h` : value);
    if (parts.length === 4) break;
  }
  return parts.join(" · ");
}
