/**
 * Whether a reviewer may review an application (decision 026): they hold an endorsement in the
 * application's framework at the same category or higher, have room under their maximum open load,
 * and are not away today. "Higher" is the order of the framework file's categories: the frameworks
 * give no explicit rank, and each file lists its categories from the first level to the last.
 */

export type ReviewerProfile = {
  frameworkId: string;
  categoryId: string;
  heldSince: string;
  maxOpen: number;
  unavailable: ReadonlyArray<{ from: string; to: string }>;
};

export type ReviewerRefusal = "other-framework" | "lower-category" | "full-load" | "unavailable";

type Target = { frameworkId: string; categoryId: string; categoryOrder: readonly string[] };

/**
 * The first reason the reviewer may not review, or null when they may. `today` and the periods are
 * ISO days, both ends included. A reviewer staff have not yet described is not restricted, so the
 * reviewers assigned before profiles existed keep working until staff record theirs (decision 026).
 */
export function reviewerRefusal(profile: ReviewerProfile | undefined, target: Target, openLoad: number, today: string): ReviewerRefusal | null {
  if (!profile) return null;
  if (profile.frameworkId !== target.frameworkId) return "other-framework";
  const held = target.categoryOrder.indexOf(profile.categoryId);
  const applied = target.categoryOrder.indexOf(target.categoryId);
  if (held < 0 || applied < 0 || held < applied || profile.heldSince > today) return "lower-category";
  if (openLoad >= profile.maxOpen) return "full-load";
  if (profile.unavailable.some((period) => period.from <= today && today <= period.to)) return "unavailable";
  return null;
}
