import { listFrameworkIdsOfAssociation } from "../data/association-frameworks.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { categoryName, type Reader } from "./reader.ts";
import { reviewersWithLoad } from "./reviewer-load.ts";
import { associationForStaff } from "./staff.ts";

/** The reviewers page: each reviewer's profile as recorded, for staff to edit, with the endorsements the association's frameworks offer. */
export async function staffReviewersPage(reader: Reader, actor: MaybeActor, slug: string) {
  const association = await associationForStaff(reader, actor, slug);
  const [{ reviewers }, frameworkIds] = await Promise.all([reviewersWithLoad(reader, association.id), listFrameworkIdsOfAssociation(reader.db, association.id)]);
  const endorsements = reader.frameworks
    .filter((framework) => frameworkIds.includes(framework.id))
    .map((framework) => ({
      framework: framework.shortName,
      categories: framework.categories.map((category) => ({ value: `${framework.id}/${category.id}`, name: categoryName(reader, framework.id, category.id) })),
    }));
  return {
    association,
    endorsements,
    reviewers: reviewers.map(({ id, name, openLoad, profile }) => ({
      id,
      name,
      openLoad,
      endorsement: profile ? `${profile.frameworkId}/${profile.categoryId}` : null,
      heldSince: profile?.heldSince ?? null,
      maxOpen: profile?.maxOpen ?? null,
      unavailable: profile?.unavailable.map((period) => (period.from === period.to ? period.from : `${period.from} – ${period.to}`)).join("\n") ?? "",
    })),
  };
}
