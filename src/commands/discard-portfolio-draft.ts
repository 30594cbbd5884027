import { z } from "zod";
import { deleteFormDraft, findFormDraft } from "../data/form-drafts.ts";
import { draftKey, sectionId } from "../forms/portfolio-drafts.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";

/** Throws away the unsaved changes of an entry's form; the saved entry (if any) shows again. */
export const discardPortfolioDraft = defineCommand({
  name: "portfolio-draft.discarded",
  actors: ["person"],
  input: z.object({ section: sectionId, entryId: z.string().min(1).nullable() }),
  async run({ tx, actor, input }) {
    const key = draftKey(input.section, input.entryId);
    if ((await findFormDraft(tx, actor.userId, key)) === undefined) return unchanged(false);
    await deleteFormDraft(tx, actor.userId, key);
    return done({ type: "portfolio", id: actor.userId }, true, { section: input.section, entryId: input.entryId });
  },
});
