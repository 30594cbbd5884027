import type { z } from "zod";
import type { FieldErrors } from "../commands/command-context.ts";
import { isMessageKey } from "../i18n/translate.ts";

export type FormValues = Record<string, string | string[]>;

export type ParsedForm<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** Fields never echoed back to the page, even after an error. */
const secretFields = new Set(["password", "csrf"]);

/**
 * Validates submitted fields with a zod schema whose messages are translation keys, and
 * returns what was typed so the page can show it again next to each error.
 */
export function parseForm<Schema extends z.ZodType>(schema: Schema, formData: FormData): ParsedForm<z.output<Schema>> {
  const raw: FormValues = {};
  for (const name of new Set(formData.keys())) {
    const all = formData.getAll(name).filter((value): value is string => typeof value === "string");
    raw[name] = all.length > 1 ? all : (all[0] ?? "");
  }
  const values = Object.fromEntries(Object.entries(raw).filter(([name]) => !secretFields.has(name)));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= isMessageKey(issue.message) ? issue.message : "error.required";
  }
  return { ok: false, errors, values };
}
