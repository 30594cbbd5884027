import { isAssignedReviewer } from "../data/applications.ts";
import { findAssociationBySlug } from "../data/associations.ts";
import { findConflictFacts } from "../data/conflict-facts.ts";
import type { Db } from "../data/database.ts";
import { listDeclaredConflicts } from "../data/declared-conflicts.ts";
import { type ConflictReason, findConflicts } from "../domain/conflicts-of-interest.ts";
import { hasRole, type MaybeActor } from "../policies/actor.ts";
import { forbidden, hidden, isoDay, type Reader } from "./reader.ts";

/**
 * For the assignment screen, once the page has checked the actor is the association's staff:
 * per application, each reviewer's conflicts with it (reviewers without any are left out).
 * Each reason's message is `conflict.<kind>`.
 */
export async function conflictsOfReviewers(
  db: Db,
  applicationIds: readonly string[],
  reviewerUserIds: readonly string[],
): Promise<Map<string, Map<string, ConflictReason[]>>> {
  const conflicts = new Map<string, Map<string, ConflictReason[]>>();
  for (const [applicationId, perReviewer] of await findConflictFacts(db, applicationIds, reviewerUserIds)) {
    const found = new Map<string, ConflictReason[]>();
    for (const [userId, facts] of perReviewer) {
      const reasons = findConflicts(facts);
      if (reasons.length > 0) found.set(userId, reasons);
    }
    conflicts.set(applicationId, found);
  }
  return conflicts;
}

/** A reviewer's own declarations in one association; only reviewers of it have the page. */
export async function myDeclaredConflicts(reader: Reader, actor: MaybeActor, slug: string) {
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  if (!actor || !hasRole(actor, association.id, "reviewer")) forbidden();
  const conflicts = await listDeclaredConflicts(reader.db, actor.userId, association.id);
  return {
    association: { id: association.id, slug: association.slug, name: association.name },
    conflicts: conflicts.map((conflict) => ({
      id: conflict.id,
      kind: conflict.kind,
      value: conflict.value,
      reason: conflict.reason,
      declared: isoDay(conflict.created_at),
    })),
  };
}

/** Whether the person reads this file as its assigned reviewer (and so may recuse). */
export async function reviewsApplication(reader: Reader, actor: MaybeActor, applicationId: string) {
  return actor !== null && (await isAssignedReviewer(reader.db, applicationId, actor.userId));
}
