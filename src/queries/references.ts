import { listAccessLinksOfUser } from "../data/access-links.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { confirmerKey, confirmerNameOf, entriesAwaiting, findConfirmable } from "../domain/confirmable-entries.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import type { Framework } from "../domain/framework-schema.ts";
import { ratingFormFor, type RatingForm } from "../domain/rating-form.ts";
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
  const strictest = strictestLimit(reader.frameworks);
  return portfolio.references
    .filter((reference) => reference.kind === "rating")
    .map((reference) => {
      const link = linkOf.get(reference.id);
      const form = formOfLink(reader.frameworks, link);
      const limit = form ? form.maxNotEnoughInformation : strictest;
      return {
        id: reference.id,
        raterName: reference.raterName ?? "",
        role: reference.role,
        completed: reference.completed ?? null,
        isVoid: limit !== null && reference.notEnoughInformation > limit,
        remindersSent: link?.reminders_sent ?? 0,
        waived: link?.waived ?? false,
        answers: reference.completed && form && link?.answers && !link.waived ? ratingAnswers(form, link.answers) : [],
      };
    });
}

/** The form a rating was asked with; null for a reference with no link (imported) or of a framework no longer shipped. */
function formOfLink(frameworks: readonly Framework[], link: { framework_id: string | null; category_id: string | null } | undefined): RatingForm | null {
  const framework = frameworks.find((candidate) => candidate.id === link?.framework_id);
  return framework ? ratingFormFor(framework, link?.category_id ?? null) : null;
}

/** For a rating asked outside Cradle (imported): the lowest limit of any framework's ratings. */
function strictestLimit(frameworks: readonly Framework[]): number | null {
  const limits = frameworks.flatMap((framework) => ratingFormFor(framework, null).maxNotEnoughInformation ?? []);
  return limits.length > 0 ? Math.min(...limits) : null;
}

/** What the rater chose for each area (null: not answered), in words for the reader's language. */
function ratingAnswers(form: RatingForm, answers: Record<string, unknown>) {
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
