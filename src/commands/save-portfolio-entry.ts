import { randomBytes } from "node:crypto";
import { uniqueIdsPortfolioSchema } from "../domain/portfolio-schema.ts";
import { deleteFormDraft, type DraftFields, saveFormDraft } from "../data/form-drafts.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import { parseEntry, type SectionSpec } from "../forms/portfolio-sections.ts";
import { type CommandContext, fail, ok, type Result } from "./command-context.ts";

export const draftKey = (section: SectionSpec, entryId: string | null) => `portfolio:${section.id}:${entryId ?? "new"}`;

/**
 * Adds or replaces one entry of a person's portfolio. When the fields do not validate, what was
 * typed is kept as a draft (so nothing is lost) and the errors come back by field.
 */
export async function savePortfolioEntry(
  context: CommandContext,
  userId: string,
  input: { section: SectionSpec; entryId: string | null; fields: DraftFields },
): Promise<Result<{ entryId: string }>> {
  const { section, entryId, fields } = input;
  const id = entryId ?? `${section.id}-${randomBytes(5).toString("hex")}`;
  const parsed = parseEntry(section, fields, id);
  if (!parsed.ok) {
    await saveFormDraft(context.db, userId, draftKey(section, entryId), fields, context.now());
    return fail(parsed.errors);
  }
  return context.db.transaction().execute(async (tx) => {
    const portfolio = findPortfolioForUpdate(tx, userId);
    const current = await portfolio;
    const list = current[section.list] as Array<{ id: string }>;
    const index = list.findIndex((entry) => entry.id === id);
    if (entryId !== null && index === -1) return fail<{ entryId: string }>({ form: "portfolio.notFound" });
    const updated = index === -1 ? [...list, parsed.entry] : list.map((entry, i) => (i === index ? parsed.entry : entry));
    const next = uniqueIdsPortfolioSchema.parse({ ...current, [section.list]: updated });
    await writePortfolio(tx, userId, next, context.now());
    await deleteFormDraft(tx, userId, draftKey(section, entryId));
    return ok({ entryId: id });
  });
}

export async function deletePortfolioEntry(context: CommandContext, userId: string, section: SectionSpec, entryId: string): Promise<boolean> {
  return context.db.transaction().execute(async (tx) => {
    const current = await findPortfolioForUpdate(tx, userId);
    const list = current[section.list] as Array<{ id: string }>;
    if (!list.some((entry) => entry.id === entryId)) return false;
    await writePortfolio(tx, userId, { ...current, [section.list]: list.filter((entry) => entry.id !== entryId) }, context.now());
    await deleteFormDraft(tx, userId, draftKey(section, entryId));
    return true;
  });
}

/** Keeps what is typed in a form that is not submitted yet (autosave). */
export async function keepPortfolioDraft(context: CommandContext, userId: string, section: SectionSpec, entryId: string | null, fields: DraftFields) {
  await saveFormDraft(context.db, userId, draftKey(section, entryId), fields, context.now());
}
