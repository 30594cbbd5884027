import { z } from "zod";
import { applicationStatuses } from "../domain/application-lifecycle.ts";
import { findSection } from "./portfolio-sections.ts";

// A cursor is base64url text Cradle wrote (src/data/keyset.ts decodes and checks it); the length bounds what a link may carry.
const cursor = z
  .string()
  .max(1000)
  .regex(/^[A-Za-z0-9_-]+$/)
  .optional();

/** Where in a list: after or before a cursor, or its last page; nothing is its first page. */
export const pageQuery = z.object({ after: cursor, before: cursor, page: z.literal("last").optional() });
export type PageQuery = z.output<typeof pageQuery>;

/** "Submitted (or enrolled) in the last N days" on the staff lists. */
export const listWindows = ["30", "90", "365"] as const;
export type ListWindow = (typeof listWindows)[number];

export const staffApplicationsQuery = pageQuery.extend({ status: z.enum(applicationStatuses).optional(), window: z.enum(listWindows).optional() });
export type StaffApplicationsQuery = z.output<typeof staffApplicationsQuery>;

export const candidateStatuses = ["active", "expired"] as const;

export const staffCandidatesQuery = pageQuery.extend({ status: z.enum(candidateStatuses).optional(), window: z.enum(listWindows).optional() });
export type StaffCandidatesQuery = z.output<typeof staffCandidatesQuery>;

/** The portfolio page: one section a page at a time (`show`), or every section's newest entries. */
export const portfolioQuery = pageQuery.extend({
  show: z
    .string()
    .refine((id) => findSection(id) !== undefined)
    .optional(),
});
export type PortfolioQuery = z.output<typeof portfolioQuery>;

/**
 * A list's query string, checked by its schema. What it does not understand (a mistyped status, a
 * cut cursor) is left out rather than refused, so the reader gets the list with a notice, never an
 * error page; an empty value (the filter form's "All") means no filter.
 */
export function parseListQuery<Schema extends z.ZodObject>(schema: Schema, url: string): { query: z.output<Schema>; misread: boolean } {
  const raw = Object.fromEntries([...new URL(url).searchParams].filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { query: parsed.data, misread: false };
  const misreadFields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const understood = Object.fromEntries(Object.entries(raw).filter(([name]) => !misreadFields.has(name)));
  return { query: schema.parse(understood), misread: true };
}
