import type { z } from "zod";
import { type FieldErrors, issuesToFieldErrors } from "../commands/command-context.ts";
import { hasUnstorableCharacters } from "../limits.ts";

export type FormValues = Record<string, string | string[]>;

export type ParsedForm<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** Fields never echoed back to the page, even after an error. */
const secretFields = new Set(["password", "csrf"]);

/**
 * Validates submitted fields with a zod schema whose messages are translation keys, and
 * returns what was typed so the page can show it again next to each error. A form with a NUL
 * character or a lone surrogate in any field (the schema's or not), which PostgreSQL would refuse,
 * is refused as a whole, and nothing it sent is shown again.
 */
export function parseForm<Schema extends z.ZodType>(schema: Schema, formData: FormData): ParsedForm<z.output<Schema>> {
  // One pass over the fields: a name given many times becomes a list.
  const raw: FormValues = {};
  for (const [name, value] of formData) {
    if (hasUnstorableCharacters(name) || (typeof value === "string" ? hasUnstorableCharacters(value) : hasUnstorableCharacters(value.name))) {
      return { ok: false, errors: { form: "limit.unstorableCharacters" }, values: {} };
    }
    if (typeof value !== "string") continue;
    const before = raw[name];
    if (Array.isArray(before)) before.push(value);
    else raw[name] = before === undefined ? value : [before, value];
  }
  const values = Object.fromEntries(Object.entries(raw).filter(([name]) => !secretFields.has(name)));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: issuesToFieldErrors(parsed.error.issues, "error.required"), values };
}
