import { countAssignmentsByReviewer } from "../data/applications.ts";
import { listReviewersOfAssociation } from "../data/association-roles.ts";
import { findAssociationById } from "../data/associations.ts";
import { listReviewerProfiles } from "../data/reviewer-profiles.ts";
import { openForReview } from "../domain/application-lifecycle.ts";
import { today } from "../domain/dates.ts";
import type { ConflictReason } from "../domain/conflicts-of-interest.ts";
import { reviewerRefusal, type ReviewerProfile, type ReviewerRefusal } from "../domain/reviewer-eligibility.ts";
import type { Reader } from "./reader.ts";

/** A reviewer left out of the choice, and why: a conflict of interest first, else what their profile says. */
type NotOffered = { name: string; conflict: ConflictReason["kind"]; refusal?: never } | { name: string; refusal: ReviewerRefusal; conflict?: never };

type Reviewer = { id: string; name: string; openLoad: number; maxOpen: number | null; profile: ReviewerProfile | undefined };

/** The association's reviewers with their profiles and how many open files each has (decision 026). */
export async function reviewersWithLoad(reader: Reader, associationId: string): Promise<{ reviewers: Reviewer[]; today: string }> {
  const [people, profiles, loads, association] = await Promise.all([
    listReviewersOfAssociation(reader.db, associationId),
    listReviewerProfiles(reader.db, associationId),
    countAssignmentsByReviewer(reader.db, associationId, openForReview),
    findAssociationById(reader.db, associationId),
  ]);
  const reviewers = people.map((person) => {
    const profile = profiles.get(person.userId);
    return { id: person.userId, name: person.name, openLoad: loads.get(person.userId) ?? 0, maxOpen: profile?.maxOpen ?? null, profile };
  });
  return { reviewers, today: today(association?.time_zone ?? "UTC", reader.now()) };
}

/**
 * For one application: the reviewers offered, and those not offered with the reason (a conflict of
 * interest, or the profile's refusal); one already on it does not count it in their load.
 */
export function reviewerChoices(
  reader: Reader,
  reviewers: readonly Reviewer[],
  day: string,
  application: { framework_id: string; category_id: string },
  alreadyOn: readonly string[],
  conflicts: ReadonlyMap<string, readonly ConflictReason[]> = new Map(),
) {
  const categoryOrder = reader.frameworks.find((framework) => framework.id === application.framework_id)?.categories.map((category) => category.id) ?? [];
  const target = { frameworkId: application.framework_id, categoryId: application.category_id, categoryOrder };
  const judged = reviewers.map((reviewer) => ({
    id: reviewer.id,
    name: reviewer.name,
    conflict: conflicts.get(reviewer.id)?.[0]?.kind ?? null,
    refusal: reviewerRefusal(reviewer.profile, target, reviewer.openLoad - (alreadyOn.includes(reviewer.id) ? 1 : 0), day),
  }));
  return {
    offered: judged.filter((reviewer) => reviewer.refusal === null && reviewer.conflict === null).map(({ id }) => id),
    notOffered: judged.flatMap(({ name, refusal, conflict }): NotOffered[] => (conflict ? [{ name, conflict }] : refusal ? [{ name, refusal }] : [])),
  };
}
