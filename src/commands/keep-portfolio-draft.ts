import { z } from "zod";
import { findFormDraft, saveFormDraft } from "../data/form-drafts.ts";
import { draftFields, draftKey, sectionId } from "../forms/portfolio-drafts.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";

/**
 * Keeps what is typed in an entry's form that is not saved yet (autosave, or a save whose fields
 * did not validate), so nothing typed is lost. The saved entry is not touched.
 */
export const keepPortfolioDraft = defineCommand({
  name: "portfolio-draft.kept",
  actors: ["person"],
  input: z.object({ section: sectionId, entryId: z.string().min(1).nullable(), fields: draftFields }),
  async run({ tx, actor, input, now }) {
    const key = draftKey(input.section, input.entryId);
    const before = await findFormDraft(tx, actor.userId, key);
    if (before !== undefined && JSON.stringify(before) === JSON.stringify(input.fields)) return unchanged(false);
    await saveFormDraft(tx, actor.userId, key, input.fields, now);
    return done({ type: "portfolio", id: actor.userId }, true, { section: input.section, entryId: input.entryId });
  },
});
