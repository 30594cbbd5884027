import { randomBytes } from "node:crypto";
import { z } from "zod";
import { deleteFormDraft } from "../data/form-drafts.ts";
import { writePortfolio } from "../data/portfolios.ts";
import { uniqueIdsStoredPortfolioSchema } from "../domain/portfolio-schema.ts";
import { draftKey, sectionId } from "../forms/portfolio-drafts.ts";
import { findSection } from "../forms/portfolio-sections.ts";
import { defineCommand, done } from "./define-command.ts";
import { assertEntry, assertRoomIn, assertSection, lockPortfolio } from "./guards/lock-portfolio.ts";

const pendingId = "pending";

/**
 * An entry as typed values (the page parses the form with parseEntry first), checked against its
 * section's schema; its id is given by the command, so any id in it is ignored.
 */
const input = z.object({ section: sectionId, entryId: z.string().min(1).nullable(), entry: z.record(z.string(), z.unknown()) }).transform((value, context) => {
  const parsed = findSection(value.section)!.schema.safeParse({ ...value.entry, id: pendingId });
  if (parsed.success) return { ...value, entry: parsed.data as Record<string, unknown> };
  for (const issue of parsed.error.issues) context.addIssue({ code: "custom", path: ["entry", ...issue.path.map(String)], message: issue.message });
  return z.NEVER;
});

/** Adds an entry to a section of the person's portfolio, or replaces one; the form's draft goes. */
export const savePortfolioEntry = defineCommand({
  name: "portfolio-entry.saved",
  actors: ["person"],
  input,
  async run({ tx, actor, input, now }) {
    const section = assertSection(input.section);
    const portfolio = await lockPortfolio(tx, actor.userId);
    if (input.entryId === null) assertRoomIn(portfolio[section.list]);
    const id = input.entryId ?? `${section.id}-${randomBytes(5).toString("hex")}`;
    // An edit keeps what the form does not show (what staff set, a program's credit); see withUnshownKept.
    const edited = (found: { list: Array<Record<string, unknown>>; index: number }) =>
      replaceAt(found, { ...section.withUnshownKept(found.list[found.index]!, input.entry), id });
    const list =
      input.entryId === null ? [...(portfolio[section.list] as unknown[]), { ...input.entry, id }] : edited(assertEntry(portfolio, section, input.entryId));
    await writePortfolio(tx, actor.userId, uniqueIdsStoredPortfolioSchema.parse({ ...portfolio, [section.list]: list }), now);
    await deleteFormDraft(tx, actor.userId, draftKey(section.id, input.entryId));
    return done({ type: "portfolio", id: actor.userId }, { entryId: id }, { section: section.id, entryId: id, added: input.entryId === null });
  },
});

function replaceAt({ list, index }: { list: unknown[]; index: number }, entry: unknown) {
  return list.map((existing, i) => (i === index ? entry : existing));
}
