import { z } from "zod";

/**
 * How a person fills in one field of a portfolio entry, carried by the field's schema so the
 * entry is described once: src/forms reads it to parse a form, fill one in and draw it. Labels,
 * hints and option labels are message keys, written here as plain strings (the domain knows no
 * catalogue; a unit test checks every key exists in both).
 *
 * Kinds: text, textarea, number, date; select (one of `options`; `values` gives the entry value
 * of each option when it is not the option itself); checkbox; checkboxes (any of `options`, or
 * of the choices the page gives by name); list (names separated by commas); credential (one held
 * endorsement as a "framework/category" choice, with its date in the input `since`).
 */
export type EntryFieldMeta = {
  kind: "text" | "textarea" | "number" | "date" | "select" | "checkbox" | "checkboxes" | "list" | "credential";
  label: string;
  hint?: string;
  /** The form input's name, when it is not the field's key (nested fields, names kept in drafts). */
  name?: string;
  options?: Readonly<Record<string, string>>;
  values?: Readonly<Record<string, unknown>>;
  since?: { name: string; label: string };
  /** Kept only when another input has this value (a group size only for a group). */
  when?: { name: string; is: string };
  /**
   * The message shown at this input when a rule across fields refuses the entry: one that points at
   * this field (a date range's end), or one about the entry as a whole.
   */
  entryRule?: string;
  inputMode?: "decimal" | "numeric" | "text" | "email" | "tel";
  autoComplete?: string;
};

export const entryFields = z.registry<EntryFieldMeta>();

/** A field of an entry with how it is filled in. Cloned first, so a schema shared by several fields carries each one's own. */
export function field<Schema extends z.ZodType>(schema: Schema, meta: EntryFieldMeta): Schema {
  const own = schema.clone();
  entryFields.add(own, meta);
  return own;
}

/** Options whose labels are a message-key prefix and the value, in the order given. */
export function labelled(values: readonly string[], prefix: string): Record<string, string> {
  return Object.fromEntries(values.map((value) => [value, `${prefix}${value}`]));
}
