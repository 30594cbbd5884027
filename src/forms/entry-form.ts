import { z } from "zod";
import { type EntryFieldMeta, entryFields } from "../domain/entry-fields.ts";
import type { FieldErrors } from "../commands/command-context.ts";
import type { MessageKey } from "../i18n/translate.ts";
import type { FormValues } from "./parse-form.ts";

/**
 * A portfolio entry's form, read from the metadata its zod schema carries (src/domain/entry-fields.ts):
 * the inputs to draw, plain form values (what a browser without JavaScript sends) to a candidate
 * entry and back, and the schema's issues as message keys by input.
 */
export type EntryInput = {
  name: string;
  kind: "text" | "textarea" | "number" | "date" | "select" | "checkbox" | "checkboxes";
  label: MessageKey;
  hint?: MessageKey;
  /** Absent when the page gives the choices (the person's frameworks' domains and endorsements). */
  options?: ReadonlyArray<{ value: string; label: MessageKey }>;
  inputMode?: EntryFieldMeta["inputMode"];
  autoComplete?: string;
};

/** A field of the entry schema that has metadata, where it sits in the entry, and the input it is filled in by. */
export type EntryField = { path: readonly string[]; name: string; meta: EntryFieldMeta; schema: z.ZodType };

type Codec = {
  toEntry: (values: FormValues, field: EntryField) => unknown;
  toForm: (value: unknown, field: EntryField) => FormValues;
};

// Metadata keys are plain strings in the domain; a unit test checks each is in both catalogues.
const key = (value: string) => value as MessageKey;

const text = (values: FormValues, name: string): string | undefined => {
  const value = values[name];
  const single = Array.isArray(value) ? value[0] : value;
  return single === undefined || single.trim() === "" ? undefined : single.trim();
};
const many = (values: FormValues, name: string): string[] => {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};
// Entry values shown in a form are text or numbers; anything else (absent, or a malformed import) shows empty.
const shown = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

const plain: Codec = {
  toEntry: (values, field) => text(values, field.name),
  toForm: (value, field) => ({ [field.name]: shown(value) }),
};

const codecs: Record<EntryFieldMeta["kind"], Codec> = {
  text: plain,
  textarea: plain,
  date: plain,
  number: {
    toEntry(values, field) {
      const value = text(values, field.name);
      if (value === undefined) return undefined;
      const number = Number(value.replace(",", "."));
      // Handed on as typed so the schema refuses it as "not a number" rather than "missing".
      return Number.isNaN(number) ? value : number;
    },
    toForm: plain.toForm,
  },
  select: {
    toEntry(values, field) {
      const value = text(values, field.name);
      if (value === undefined || !field.meta.values) return value;
      return field.meta.values[value];
    },
    toForm(value, field) {
      const values = field.meta.values;
      if (!values) return plain.toForm(value, field);
      const option = Object.keys(values).find((candidate) => sameValue(values[candidate], value));
      return { [field.name]: option ?? "" };
    },
  },
  checkbox: {
    // An unticked box sends nothing: that is "no", never the schema's default.
    toEntry: (values, field) => values[field.name] === "on" || values[field.name] === "true",
    toForm: (value, field) => ({ [field.name]: value ? "on" : "" }),
  },
  checkboxes: {
    toEntry: (values, field) => many(values, field.name),
    toForm: (value, field) => ({ [field.name]: strings(value) }),
  },
  list: {
    toEntry: (values, field) =>
      (text(values, field.name) ?? "")
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    toForm: (value, field) => ({ [field.name]: strings(value).join(", ") }),
  },
  credential: {
    toEntry(values, field) {
      const [framework, category] = (text(values, field.name) ?? "").split("/");
      const since = field.meta.since ? text(values, field.meta.since.name) : undefined;
      return framework && category ? [{ framework, category, earned: since }] : [];
    },
    toForm(value, field) {
      const first = (Array.isArray(value) ? value[0] : undefined) as { framework?: unknown; category?: unknown; earned?: unknown } | undefined;
      const choice = first && typeof first.framework === "string" && typeof first.category === "string" ? `${first.framework}/${first.category}` : "";
      return { [field.name]: choice, ...(field.meta.since ? { [field.meta.since.name]: shown(first?.earned) } : {}) };
    },
  },
};

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of an entry schema that carry metadata, in the schema's order; nested objects without metadata are looked into. */
export function entryFieldsOf(schema: z.ZodType, prefix: readonly string[] = []): EntryField[] {
  const object = unwrap(schema);
  if (!(object instanceof z.ZodObject)) return [];
  return Object.entries(object.shape as Record<string, z.ZodType>).flatMap(([name, child]) => {
    const meta = entryFields.get(child);
    const path = [...prefix, name];
    return meta ? [{ path, name: meta.name ?? name, meta, schema: child }] : entryFieldsOf(child, path);
  });
}

function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return unwrap(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodDefault) return unwrap(schema.removeDefault() as z.ZodType);
  return schema;
}

/** The inputs a person fills in, in order; a credential is two (the choice and its date). */
export function inputsOf(fields: readonly EntryField[]): EntryInput[] {
  return fields.flatMap(({ name, meta }): EntryInput[] => {
    const common = { name, label: key(meta.label), ...(meta.hint ? { hint: key(meta.hint) } : {}) };
    const options = meta.options ? Object.entries(meta.options).map(([value, label]) => ({ value, label: key(label) })) : undefined;
    switch (meta.kind) {
      case "credential":
        return [{ ...common, kind: "select" }, ...(meta.since ? [{ name: meta.since.name, kind: "date" as const, label: key(meta.since.label) }] : [])];
      case "list":
        return [{ ...common, kind: "text" }];
      case "number":
        return [{ ...common, kind: "number", inputMode: meta.inputMode ?? "decimal" }];
      default:
        return [
          {
            ...common,
            kind: meta.kind,
            ...(options ? { options } : {}),
            ...(meta.inputMode ? { inputMode: meta.inputMode } : {}),
            ...(meta.autoComplete ? { autoComplete: meta.autoComplete } : {}),
          },
        ];
    }
  });
}

/** Plain form values to a candidate entry (not yet validated). */
export function formToEntry(fields: readonly EntryField[], values: FormValues): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  for (const field of fields) {
    const { when } = field.meta;
    if (when && text(values, when.name) !== when.is) continue;
    setAt(entry, field.path, codecs[field.meta.kind].toEntry(values, field));
  }
  return entry;
}

/** An entry as the plain form values that fill in its form. */
export function entryToForm(fields: readonly EntryField[], entry: Record<string, unknown>): FormValues {
  return Object.assign({}, ...fields.map((field) => codecs[field.meta.kind].toForm(getAt(entry, field.path), field))) as FormValues;
}

/** A new entry's form: the choices the schema defaults to (a ticked box, a preselected kind); typed inputs start empty. */
export function newEntryForm(fields: readonly EntryField[]): FormValues {
  const values: FormValues = {};
  for (const field of fields.filter((candidate) => candidate.meta.kind === "checkbox" || candidate.meta.kind === "select")) {
    const fallback = field.schema.safeParse(undefined);
    if (!fallback.success || fallback.data === undefined || fallback.data === false) continue;
    Object.assign(values, codecs[field.meta.kind].toForm(fallback.data, field));
  }
  return values;
}

/**
 * The schema's issues as message keys by input name. A rule across fields is shown at the input
 * whose metadata names its message: the input the rule's issue points at (a range's end), or, for
 * an issue about the whole entry, the first input that names one.
 */
export function issuesToInputErrors(fields: readonly EntryField[], issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    if (path.length === 0) {
      const ruled = fields.find((field) => field.meta.entryRule);
      if (ruled?.meta.entryRule) errors[ruled.name] ??= key(ruled.meta.entryRule);
      else errors.form ??= messageOf(issue);
      continue;
    }
    const field = fields.filter((candidate) => candidate.path.every((part, index) => path[index] === part)).sort((a, b) => b.path.length - a.path.length)[0];
    const rest = field ? path.slice(field.path.length) : [];
    const name = !field ? (path[0] ?? "form") : field.meta.since && rest.includes("earned") ? field.meta.since.name : field.name;
    errors[name] ??= issue.code === "custom" && field?.meta.entryRule ? key(field.meta.entryRule) : messageOf(issue);
  }
  return errors;
}

function messageOf(issue: z.core.$ZodIssue): MessageKey {
  if (issue.code === "invalid_type") return issue.input === undefined ? "error.required" : "error.number";
  if (issue.code === "invalid_format") return "error.date";
  if (issue.code === "invalid_value") return "error.choose";
  if (issue.code === "too_small") return issue.origin === "string" ? "error.required" : "error.tooSmall";
  if (issue.code === "too_big") return issue.origin === "string" ? "error.tooLong" : "error.tooBig";
  return "error.required";
}

function getAt(entry: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = entry;
  for (const part of path) value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

// A blank input inside a nested object sets nothing, so an optional object left empty stays absent.
function setAt(entry: Record<string, unknown>, path: readonly string[], value: unknown) {
  if (value === undefined && path.length > 1) return;
  let target = entry;
  for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
  target[path[path.length - 1]!] = value;
}
