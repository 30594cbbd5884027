import { listAccessLinksOfUser } from "../data/access-links.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { confirmerKey, confirmerNameOf, entriesAwaiting, findConfirmable } from "../domain/confirmable-entries.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import { ratingFormFor } from "../domain/rating-form.ts";
import { sections } from "../forms/portfolio-sections.ts";
import type { SessionActor } from "../policies/actor.ts";
import type { Reader } from "./reader.ts";

/**
 * The applicant's side of references and confirmations: what they asked of whom and where each
 * stands. Everything is the actor's own; a rater's answers only when the applicant did not waive them.
 */
export async function referencesOf(reader: Reader, actor: SessionActor) {
  const [{ portfolio }, links] = await Promise.all([findPortfolio(reader.db, actor.userId), listAccessLinksOfUser(reader.db, actor.userId, "reference")]);
  const linkOf = new Map(links.map((link) => [link.entry_id, link]));
  return portfolio.references
    .filter((reference) => reference.kind === "rating")
    .map((reference) => {
      const link = linkOf.get(reference.id);
      return {
        id: reference.id,
        raterName: reference.raterName ?? "",
        role: reference.role,
        completed: reference.completed ?? null,
        isVoid: reference.notEnoughInformation > 5,
        remindersSent: link?.reminders_sent ?? 0,
        waived: link?.waived ?? false,
        answers: reference.completed && link && !link.waived ? ratingAnswers(reader, link.framework_id, link.answers) : [],
      };
    });
}

/** What the rater chose for each area (null: not answered), in words for the reader's language. */
function ratingAnswers(reader: Reader, frameworkId: string | null, answers: Record<string, unknown> | null) {
  const framework = reader.frameworks.find((candidate) => candidate.id === frameworkId);
  if (!framework || !answers) return [];
  const form = ratingFormFor(framework);
  return form.items.map((item) => ({
    id: item.id,
    label: item.label,
    answer: form.scale.find((option) => option.value === answers[item.id])?.label ?? null,
  }));
}

/** An entry someone else can confirm, as its editor section's fields (for describing it in words). */
export type ConfirmableEntry = { sectionId: string; fields: ReturnType<(typeof sections)[number]["fromEntry"]> };

export function confirmableEntryIn(portfolio: Portfolio, entryId: string): ConfirmableEntry | undefined {
  const found = findConfirmable(portfolio, entryId);
  const section = found && sections.find((candidate) => candidate.list === found.list);
  return found && section ? { sectionId: section.id, fields: section.fromEntry(found.entry) } : undefined;
}

/** One of the actor's own entries that someone can confirm; undefined for anyone else's or another kind. */
export async function confirmableEntryOf(reader: Reader, actor: SessionActor, entryId: string): Promise<ConfirmableEntry | undefined> {
  const { portfolio } = await findPortfolio(reader.db, actor.userId);
  return confirmableEntryIn(portfolio, entryId);
}

/** How many of the actor's entries not yet confirmed name the same provider or supervisor as this one (this one included). */
export async function entriesAwaitingConfirmerOf(reader: Reader, actor: SessionActor, entryId: string): Promise<number> {
  const { portfolio } = await findPortfolio(reader.db, actor.userId);
  const found = findConfirmable(portfolio, entryId);
  return found ? entriesAwaiting(portfolio, confirmerKey(confirmerNameOf(found.list, found.entry))).length : 0;
}
