import { randomBytes } from "node:crypto";
import { countWords } from "../domain/count-words.ts";
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
    const current = await findPortfolioForUpdate(tx, userId);
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

/** The personal statement written in Cradle: one per person, kept in the portfolio's documents with its word count. */
export const writtenStatementId = "written-personal-statement";
export const statementDraftKey = "portfolio:statement";
const maxStatementCharacters = 30_000;

export async function saveWrittenStatement(context: CommandContext, userId: string, text: string): Promise<Result<{ words: number }>> {
  const trimmed = text.trim();
  const error = trimmed === "" ? "error.required" : trimmed.length > maxStatementCharacters ? "error.tooLong" : null;
  if (error) {
    await saveFormDraft(context.db, userId, statementDraftKey, { text }, context.now());
    return fail({ text: error });
  }
  const words = countWords(trimmed);
  return context.db.transaction().execute(async (tx) => {
    const current = await findPortfolioForUpdate(tx, userId);
    const entry = { id: writtenStatementId, type: "personal-statement" as const, text: trimmed, words, date: context.now().toISOString().slice(0, 10) };
    const others = current.documents.filter((document) => document.id !== writtenStatementId);
    await writePortfolio(tx, userId, { ...current, documents: [...others, entry] }, context.now());
    await deleteFormDraft(tx, userId, statementDraftKey);
    return ok({ words });
  });
}
