import { z } from "zod";
import { deleteDeclaredConflict } from "../data/declared-conflicts.ts";
import { hasRole } from "../policies/actor.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/** A reviewer takes back one of their own declarations. */
export const removeDeclaredConflict = defineCommand({
  name: "reviewer.conflict-removed",
  actors: ["person"],
  input: z.object({ associationId: z.string(), conflictId: z.string() }),
  policy: (actor, input) => hasRole(actor, input.associationId, "reviewer"),
  async run({ tx, actor, input }) {
    const removed = await deleteDeclaredConflict(tx, { id: input.conflictId, userId: actor.userId, associationId: input.associationId });
    if (!removed) refuse({ form: "portfolio.notFound" });
    return done({ type: "declared-conflict", id: input.conflictId, associationId: input.associationId }, null, removed);
  },
});
