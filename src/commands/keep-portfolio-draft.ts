import { z } from "zod";
import { findPortfolio } from "../data/portfolios.ts";
import { findFormDraft, keepNewestFormDrafts, saveFormDraft } from "../data/form-drafts.ts";
import { draftFields, draftKey, sectionId } from "../forms/portfolio-drafts.ts";
import { maxDraftsPerPerson } from "../limits.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";
import { assertEntry, assertSection } from "./guards/lock-portfolio.ts";
import { draftWithinLimit } from "./shared/draft-limits.ts";

/**
 * Keeps what is typed in an entry's form that is not saved yet (autosave, or a save whose fields
 * did not validate), so nothing typed is lost. The saved entry is not touched. Only a form of an
 * entry that exists (or a new one) has a draft; a person keeps at most `maxDraftsPerPerson`, the
 * oldest going first.
 */
export const keepPortfolioDraft = defineCommand({
  name: "portfolio-draft.kept",
  actors: ["person"],
  input: z
    .object({ section: sectionId, entryId: z.string().min(1).nullable(), fields: draftFields })
    .refine((input) => draftWithinLimit(input.fields), { message: "limit.draftTooLarge", path: ["form"] }),
  async run({ tx, actor, input, now }) {
    const section = assertSection(input.section);
    // The draft's key comes from the address: a made-up entry would be a draft nobody can see or remove.
    if (input.entryId !== null) assertEntry((await findPortfolio(tx, actor.userId)).portfolio, section, input.entryId);
    const key = draftKey(input.section, input.entryId);
    const before = await findFormDraft(tx, actor.userId, key);
    if (before !== undefined && JSON.stringify(before) === JSON.stringify(input.fields)) return unchanged(false);
    await saveFormDraft(tx, actor.userId, key, input.fields, now);
    await keepNewestFormDrafts(tx, actor.userId, maxDraftsPerPerson);
    return done({ type: "portfolio", id: actor.userId }, true, { section: input.section, entryId: input.entryId });
  },
});
