import { z } from "zod";
import { listFrameworkIdsOfAssociation } from "../data/association-frameworks.ts";
import { listRolesOfUserInAssociation } from "../data/association-roles.ts";
import { upsertReviewerProfile } from "../data/reviewer-profiles.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

const day = z.iso.date("error.date");

/** Staff record a reviewer's endorsement, how many open files they take and when they are away; assignment follows it (decision 026). */
export const setReviewerProfile = defineCommand({
  name: "reviewer-profile.set",
  actors: ["person"],
  input: z.object({
    associationId: z.uuid(),
    userId: z.uuid("portfolio.notFound"),
    frameworkId: z.string().min(1).max(100),
    categoryId: z.string().min(1).max(100),
    heldSince: day,
    maxOpen: z.number().int().min(1, "error.tooSmall").max(50, "error.tooBig"),
    unavailable: z.array(z.object({ from: day, to: day })).max(50, "error.tooLong"),
  }),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, input, context, now }) {
    const roles = await listRolesOfUserInAssociation(tx, input.userId, input.associationId);
    if (!roles.includes("reviewer")) refuse({ form: "review.notReviewer" });
    const offered = await listFrameworkIdsOfAssociation(tx, input.associationId);
    const framework = offered.includes(input.frameworkId) ? context.frameworks.find((candidate) => candidate.id === input.frameworkId) : undefined;
    if (!framework?.categories.some((category) => category.id === input.categoryId)) refuse({ endorsement: "error.choose" });
    const { associationId, userId, ...profile } = input;
    await upsertReviewerProfile(tx, associationId, userId, profile, now);
    return done({ type: "user", id: userId, associationId }, null, profile);
  },
});
