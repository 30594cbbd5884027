import { z } from "zod";
import { deleteFormDraft, findFormDraft } from "../data/form-drafts.ts";
import { writePortfolio } from "../data/portfolios.ts";
import { uniqueIdsStoredPortfolioSchema } from "../domain/portfolio-schema.ts";
import { deletedEntryKey, sectionId } from "../forms/portfolio-drafts.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertRoomIn, assertSection, lockPortfolio } from "./guards/lock-portfolio.ts";

/** "Undo" after a delete: the entry deleted last from a section goes back, as it was, with its id. */
export const restorePortfolioEntry = defineCommand({
  name: "portfolio-entry.restored",
  actors: ["person"],
  input: z.object({ section: sectionId }),
  async run({ tx, actor, input, now }) {
    const section = assertSection(input.section);
    const kept = await findFormDraft(tx, actor.userId, deletedEntryKey(section.id));
    if (typeof kept?.entry !== "string") refuse({ form: "portfolio.nothingToUndo" });
    const entry = JSON.parse(kept.entry) as { id: string };
    const portfolio = await lockPortfolio(tx, actor.userId);
    const list = portfolio[section.list] as Array<{ id: string }>;
    assertRoomIn(list);
    if (list.some((other) => other.id === entry.id)) refuse({ form: "portfolio.nothingToUndo" });
    await writePortfolio(tx, actor.userId, uniqueIdsStoredPortfolioSchema.parse({ ...portfolio, [section.list]: [...list, entry] }), now);
    await deleteFormDraft(tx, actor.userId, deletedEntryKey(section.id));
    return done({ type: "portfolio", id: actor.userId }, true, { section: section.id, entryId: entry.id });
  },
});
