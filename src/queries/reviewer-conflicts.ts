import { findConflictFacts } from "../data/conflict-facts.ts";
import type { Db } from "../data/database.ts";
import { type ConflictReason, findConflicts } from "../domain/conflicts-of-interest.ts";

/**
 * For the assignment screen, after the page has checked the actor is the association's staff:
 * each reviewer's conflicts with this application (reviewers without any are left out).
 * Each reason's message key is `conflict.<kind>`.
 */
export async function conflictsOfReviewers(db: Db, applicationId: string, reviewerUserIds: readonly string[]): Promise<Map<string, ConflictReason[]>> {
  const conflicts = new Map<string, ConflictReason[]>();
  for (const [userId, facts] of (await findConflictFacts(db, applicationId, reviewerUserIds)) ?? []) {
    const reasons = findConflicts(facts);
    if (reasons.length > 0) conflicts.set(userId, reasons);
  }
  return conflicts;
}
