import type { Db } from "../data/database.ts";
import type { Framework, Text } from "../domain/framework-schema.ts";

/** What reads need; the server's services are one, a test's app another. */
export type Reader = { db: Db; frameworks: readonly Framework[]; now: () => Date };

/**
 * Thrown when the actor may not see what they asked for. "not-found" where even the existence of
 * the thing is private (another person's application), "forbidden" where the page is known but
 * not theirs (a staff page). Routes turn it into 404 or 403.
 */
export class NotVisible extends Error {
  readonly reason: "not-found" | "forbidden";
  constructor(reason: "not-found" | "forbidden") {
    super(reason);
    this.reason = reason;
  }
}

export function hidden(): never {
  throw new NotVisible("not-found");
}

export function forbidden(): never {
  throw new NotVisible("forbidden");
}

/** A category's name in both languages, from the frameworks loaded at start. */
export function categoryName(reader: Pick<Reader, "frameworks">, frameworkId: string, categoryId: string): Text {
  const category = reader.frameworks.find((framework) => framework.id === frameworkId)?.categories.find((candidate) => candidate.id === categoryId);
  return category?.name ?? { en: categoryId, es: categoryId };
}

export const isoDay = (date: Date | null | undefined) => date?.toISOString().slice(0, 10) ?? null;
