import { z } from "zod";
import { deleteRole } from "../data/association-roles.ts";
import { associationRoles } from "../policies/actor.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";

/** An association's admin takes a role away from a person. */
export const revokeRole = defineCommand({
  name: "role.revoked",
  actors: ["person"],
  input: z.object({ associationId: z.uuid(), userId: z.uuid(), role: z.enum(associationRoles, "error.role") }),
  policy: (actor, input) => associationPolicy.manageRoles(actor, { id: input.associationId }),
  async run({ tx, input }) {
    if (!(await deleteRole(tx, input.userId, input.associationId, input.role))) return unchanged(false);
    return done({ type: "user", id: input.userId, associationId: input.associationId }, true, { role: input.role });
  },
});
