import { listFrameworkIdsOfAssociation } from "../data/association-frameworks.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { categoryName, hidden, type Reader } from "./reader.ts";
import { reviewersWithLoad } from "./reviewer-load.ts";
import { associationForStaff } from "./staff.ts";

/** One reviewer's page: their profile as recorded, for staff to edit, with the endorsements the association's frameworks offer; 404 for someone who is not its reviewer. */
export async function staffReviewerPage(reader: Reader, actor: MaybeActor, slug: string, userId: string) {
  const association = await associationForStaff(reader, actor, slug);
  const [{ reviewers }, frameworkIds] = await Promise.all([
    reviewersWithLoad(reader, association.id),
    listFrameworkIdsOfAssociation(reader.db, association.id),
  ]);
  const reviewer = reviewers.find((candidate) => candidate.id === userId) ?? hidden();
  const { profile } = reviewer;
  const endorsements = reader.frameworks
    .filter((framework) => frameworkIds.includes(framework.id))
    .map((framework) => ({
      framework: framework.shortName,
      categories: framework.categories.map((category) => ({ value: `${framework.id}/${category.id}`, name: categoryName(reader, framework.id, category.id) })),
    }));
  return {
    association,
    endorsements,
    reviewer: {
      id: reviewer.id,
      name: reviewer.name,
      openLoad: reviewer.openLoad,
      endorsement: profile ? `${profile.frameworkId}/${profile.categoryId}` : "",
      heldSince: profile?.heldSince ?? "",
      maxOpen: String(profile?.maxOpen ?? 3),
      unavailable: profile?.unavailable.map((period) => (period.from === period.to ? period.from : `${period.from} – ${period.to}`)).join("\n") ?? "",
      recorded: profile !== undefined,
    },
  };
}
