import { z } from "zod";
import { removeAssociationLogo } from "../data/association-logos.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";

/** Staff take the logo off their association's certificates; nothing to do when there is none. */
export const removeLogo = defineCommand({
  name: "association.logo-removed",
  actors: ["person"],
  input: z.object({ associationId: z.uuid() }),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, input }) {
    if (!(await removeAssociationLogo(tx, input.associationId))) return unchanged(null);
    return done({ type: "association", id: input.associationId, associationId: input.associationId }, null);
  },
});
