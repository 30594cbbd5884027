import { z } from "zod";
import { insertDeclaredConflict } from "../data/declared-conflicts.ts";
import { declareConflictForm } from "../forms/conflict-forms.ts";
import { hasRole } from "../policies/actor.ts";
import { defineCommand, done } from "./define-command.ts";

/** A reviewer says they should not judge someone (a person, an email, an employer): assignment then refuses them for that applicant. */
export const declareConflict = defineCommand({
  name: "reviewer.conflict-declared",
  actors: ["person"],
  input: z.object({ associationId: z.string() }).and(declareConflictForm),
  policy: (actor, input) => hasRole(actor, input.associationId, "reviewer"),
  async run({ tx, actor, input }) {
    const id = await insertDeclaredConflict(tx, { userId: actor.userId, ...input });
    return done({ type: "declared-conflict", id, associationId: input.associationId }, { id }, { kind: input.kind, value: input.value, reason: input.reason });
  },
});
