import type { z } from "zod";
import { entrySchemas, type Portfolio } from "../domain/portfolio-schema.ts";
import type { FieldErrors } from "../commands/command-context.ts";
import type { MessageKey } from "../i18n/translate.ts";
import { type EntryInput, entryFieldsOf, entryToForm, formToEntry, issuesToInputErrors, inputsOf, newEntryForm } from "./entry-form.ts";
import type { FormValues } from "./parse-form.ts";

/**
 * The sections of the portfolio editor: which list each edits, with which entry schema. The
 * fields, their labels and how a form maps to an entry and back come from the schema's metadata.
 */
type List = "education" | "licences" | "work" | "training" | "reflectiveSupervision" | "reading" | "video" | "memberships";

export type SectionSpec = {
  id: string;
  list: List;
  title: MessageKey;
  addLabel: MessageKey;
  /** The inputs of the form, in order. */
  fields: EntryInput[];
  schema: z.ZodType;
  toEntry(values: FormValues): Record<string, unknown>;
  fromEntry(entry: Record<string, unknown>): FormValues;
  /** What a new entry's form starts with. */
  newEntry: FormValues;
  errorsOf(issues: readonly z.core.$ZodIssue[]): FieldErrors;
  /** An edited entry with what its form does not show kept from the saved one (what staff set, a program's credit), the confirmation aside. */
  withUnshownKept(saved: Record<string, unknown>, edited: Record<string, unknown>): Record<string, unknown>;
};

/**
 * The fields a form does not show survive an edit: the transcript staff received, a provider the
 * association accepted, the program that credited the hours. A confirmation does not: it was given
 * for the entry as it was (`verified`).
 */
const droppedOnEdit = new Set(["verified"]);

function keepUnshown(shown: ReadonlyArray<readonly string[]>, saved: Record<string, unknown>, edited: Record<string, unknown>): Record<string, unknown> {
  const result = { ...edited };
  for (const [key, value] of Object.entries(saved)) {
    if (droppedOnEdit.has(key)) continue;
    const inner = shown.filter((path) => path[0] === key);
    // Not on the form: the saved value stands (the edited entry holds only the schema's default there).
    if (inner.length === 0) result[key] = value;
    else if (inner.every((path) => path.length > 1) && isRecord(value) && isRecord(edited[key])) {
      result[key] = keepUnshown(
        inner.map((path) => path.slice(1)),
        value,
        edited[key],
      );
    }
  }
  return result;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function section(id: string, list: List, title: MessageKey, addLabel: MessageKey, schema: z.ZodType): SectionSpec {
  const fields = entryFieldsOf(schema);
  return {
    id,
    list,
    title,
    addLabel,
    schema,
    fields: inputsOf(fields),
    toEntry: (values) => formToEntry(fields, values),
    fromEntry: (entry) => entryToForm(fields, entry),
    newEntry: newEntryForm(fields),
    errorsOf: (issues) => issuesToInputErrors(fields, issues),
    withUnshownKept: (saved, edited) =>
      keepUnshown(
        fields.map((field) => field.path),
        saved,
        edited,
      ),
  };
}

export const sections: SectionSpec[] = [
  section("education", "education", "portfolio.education", "portfolio.addEducation", entrySchemas.education),
  section("licences", "licences", "portfolio.licences", "portfolio.addLicence", entrySchemas.licence),
  section("work", "work", "portfolio.work", "portfolio.addWork", entrySchemas.work),
  section("training", "training", "portfolio.training", "portfolio.addTraining", entrySchemas.training),
  section("reflective-supervision", "reflectiveSupervision", "portfolio.rsc", "portfolio.addRsc", entrySchemas.rsc),
  section("reading", "reading", "portfolio.reading", "portfolio.addReading", entrySchemas.activity),
  section("video", "video", "portfolio.video", "portfolio.addVideo", entrySchemas.activity),
  section("memberships", "memberships", "portfolio.memberships", "portfolio.addMembership", entrySchemas.membership),
];

/** A section's entries in a portfolio, as the form fields that lists and forms show. */
export function entriesOf(section: SectionSpec, portfolio: Portfolio) {
  return (portfolio[section.list] as Array<Record<string, unknown> & { id: string }>).map((entry) => ({
    id: entry.id,
    fields: section.fromEntry(entry),
    verified: entry.verified === true,
  }));
}

export function findSection(id: string): SectionSpec | undefined {
  return sections.find((section) => section.id === id);
}

/** Validates one entry; on failure, the errors by form input as translation keys. */
export function parseEntry(
  section: SectionSpec,
  values: FormValues,
  id: string,
): { ok: true; entry: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  // With the input in each issue, "not a number" is told apart from "missing".
  const parsed = section.schema.safeParse({ ...section.toEntry(values), id }, { reportInput: true });
  if (parsed.success) return { ok: true, entry: parsed.data as Record<string, unknown> };
  return { ok: false, errors: section.errorsOf(parsed.error.issues) };
}

/** Values as the browser sent them: a list input (ticked boxes) is always a list, whatever was ticked. */
export function formValuesOf(section: SectionSpec, form: FormData): FormValues {
  const lists = new Set(section.fields.filter((field) => field.kind === "checkboxes").map((field) => field.name));
  const values: FormValues = {};
  for (const name of new Set(form.keys())) {
    if (name === "csrf" || name === "intent") continue;
    const sent = form.getAll(name).filter((value): value is string => typeof value === "string");
    values[name] = sent.length > 1 || lists.has(name) ? sent : (sent[0] ?? "");
  }
  return values;
}

/**
 * The entries a document can support: degrees (their transcripts), licences and trainings (their
 * certificates), and the other self-reported hours (RS/C, reading, video), whose evidence an audit asks for.
 */
export function supportableEntries(portfolio: Portfolio) {
  return [
    ...portfolio.education.map((entry) => ({ section: "education", entry: entry })),
    ...portfolio.licences.map((entry) => ({ section: "licences", entry: entry })),
    ...portfolio.training.map((entry) => ({ section: "training", entry: entry })),
    ...portfolio.reflectiveSupervision.map((entry) => ({ section: "reflective-supervision", entry: entry })),
    ...portfolio.reading.map((entry) => ({ section: "reading", entry: entry })),
    ...portfolio.video.map((entry) => ({ section: "video", entry: entry })),
  ];
}
