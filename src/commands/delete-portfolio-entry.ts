import { z } from "zod";
import { deleteFormDraft, saveFormDraft } from "../data/form-drafts.ts";
import { writePortfolio } from "../data/portfolios.ts";
import { deletedEntryKey, draftKey, sectionId } from "../forms/portfolio-drafts.ts";
import { defineCommand, done } from "./define-command.ts";
import { assertEntry, assertSection, lockPortfolio } from "./guards/lock-portfolio.ts";

/** Removes one entry from the person's portfolio, and any draft of its form; the entry is kept aside so "Undo" can put it back. */
export const deletePortfolioEntry = defineCommand({
  name: "portfolio-entry.deleted",
  actors: ["person"],
  input: z.object({ section: sectionId, entryId: z.string().min(1, "portfolio.notFound") }),
  async run({ tx, actor, input, now }) {
    const section = assertSection(input.section);
    const portfolio = await lockPortfolio(tx, actor.userId);
    const { list, index } = assertEntry(portfolio, section, input.entryId);
    await writePortfolio(tx, actor.userId, { ...portfolio, [section.list]: list.filter((_, i) => i !== index) }, now);
    await deleteFormDraft(tx, actor.userId, draftKey(section.id, input.entryId));
    await saveFormDraft(tx, actor.userId, deletedEntryKey(section.id), { entry: JSON.stringify(list[index]) }, now);
    return done({ type: "portfolio", id: actor.userId }, true, { section: section.id, entryId: input.entryId });
  },
});
