import { z } from "zod";
import { findSection } from "./portfolio-sections.ts";

/** Where a form's typed-but-unsaved fields are kept (form_drafts.form_key). */
export const draftKey = (sectionId: string, entryId: string | null) => `portfolio:${sectionId}:${entryId ?? "new"}`;
export const statementDraftKey = "portfolio:statement";
/** The entry a person deleted last from a section, kept so that "Undo" can put it back. */
export const deletedEntryKey = (sectionId: string) => `portfolio-deleted:${sectionId}`;

/** The personal statement written in Cradle: one per person, kept in the portfolio's documents with its word count. */
export const writtenStatementId = "written-personal-statement";
export const maxStatementCharacters = 30_000;

/** A section of the portfolio editor, by its id in the URL. */
export const sectionId = z.string().refine((id) => findSection(id) !== undefined, "portfolio.notFound");

/** What the browser sent for a form, as kept in a draft: repeated names (ticked boxes) are lists. */
export const draftFields = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** The text of the personal statement; a blank or over-long one is refused (and kept as a draft by the page). */
export const statementText = z.string().trim().min(1, "error.required").max(maxStatementCharacters, "error.tooLong");
