import { z } from "zod";
import { findLinkedInOrganizationId, setLinkedInOrganizationId } from "../data/associations.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";

/** Staff name their association's LinkedIn company page (its id), or clear it: holders' "add to profile" links name the issuer by it. */
export const setLinkedInOrganization = defineCommand({
  name: "association.linkedin-organization-set",
  actors: ["person"],
  input: z.object({
    associationId: z.uuid(),
    linkedinOrganizationId: z
      .string()
      .regex(/^\d{1,20}$/)
      .nullable(),
  }),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, input, now }) {
    const before = await findLinkedInOrganizationId(tx, input.associationId);
    if (before === input.linkedinOrganizationId) return unchanged(null);
    await setLinkedInOrganizationId(tx, input.associationId, input.linkedinOrganizationId, now);
    return done({ type: "association", id: input.associationId, associationId: input.associationId }, null, {
      from: before,
      to: input.linkedinOrganizationId,
    });
  },
});
