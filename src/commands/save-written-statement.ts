import { z } from "zod";
import { deleteFormDraft } from "../data/form-drafts.ts";
import { writePortfolio } from "../data/portfolios.ts";
import { countWords } from "../domain/count-words.ts";
import { statementDraftKey, statementText, writtenStatementId } from "../forms/portfolio-drafts.ts";
import { defineCommand, done } from "./define-command.ts";
import { lockPortfolio } from "./guards/lock-portfolio.ts";
import { personToday } from "./shared/person-time-zone.ts";

/**
 * Saves the personal statement written in Cradle, with its word count and today's date where the
 * person lives, in place of an earlier one; its draft goes. Over a word limit it is kept as written.
 */
export const saveWrittenStatement = defineCommand({
  name: "statement.saved",
  actors: ["person"],
  input: z.object({ text: statementText }),
  async run(scope) {
    const { tx, actor, input, now } = scope;
    const words = countWords(input.text);
    const portfolio = await lockPortfolio(tx, actor.userId);
    const entry = { id: writtenStatementId, type: "personal-statement" as const, text: input.text, words, date: await personToday(scope, actor.userId) };
    const others = portfolio.documents.filter((document) => document.id !== writtenStatementId);
    await writePortfolio(tx, actor.userId, { ...portfolio, documents: [...others, entry] }, now);
    await deleteFormDraft(tx, actor.userId, statementDraftKey);
    return done({ type: "portfolio", id: actor.userId }, { words }, { section: "statement", entryId: writtenStatementId, words });
  },
});
