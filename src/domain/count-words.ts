import type { Framework, Requirement } from "./framework-schema.ts";

/** Words as a reader counts them: runs of letters or digits, with apostrophes and hyphens inside a word (don't, bien-estar). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** The strictest word limit these frameworks set for a kind of document, or null when none does. */
export function wordLimit(frameworks: readonly Framework[], document: string): number | null {
  const limits: number[] = [];
  const visit = (requirement: Requirement) => {
    if (requirement.kind === "document" && requirement.document === document && requirement.maxWords !== undefined) limits.push(requirement.maxWords);
    if (requirement.kind === "any-of") requirement.options.forEach(visit);
  };
  for (const framework of frameworks) for (const category of framework.categories) category.requirements.forEach(visit);
  return limits.length > 0 ? Math.min(...limits) : null;
}
