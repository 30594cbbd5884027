import { z } from "zod";
import { findFormDraft, keepNewestFormDrafts, saveFormDraft } from "../data/form-drafts.ts";
import { statementDraftKey } from "../forms/portfolio-drafts.ts";
import { maxDraftsPerPerson } from "../limits.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";
import { draftWithinLimit } from "./shared/draft-limits.ts";

/** Keeps the statement as typed but not saved (autosave, or a save that was refused); the saved one is not touched. */
export const keepStatementDraft = defineCommand({
  name: "statement-draft.kept",
  actors: ["person"],
  input: z.object({ text: z.string() }).refine(draftWithinLimit, { message: "limit.draftTooLarge", path: ["form"] }),
  async run({ tx, actor, input, now }) {
    const before = await findFormDraft(tx, actor.userId, statementDraftKey);
    if (before?.text === input.text) return unchanged(false);
    await saveFormDraft(tx, actor.userId, statementDraftKey, { text: input.text }, now);
    await keepNewestFormDrafts(tx, actor.userId, maxDraftsPerPerson);
    return done({ type: "portfolio", id: actor.userId }, true, { section: "statement", entryId: null });
  },
});
