import { z } from "zod";
import { insertRole } from "../data/association-roles.ts";
import { findAssociationById } from "../data/associations.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";

/** A signed-in person joins an association as a member, so its categories show in their progress and they can apply. */
export const joinAssociation = defineCommand({
  name: "membership.joined",
  actors: ["person"],
  input: z.object({ associationId: z.uuid() }),
  async run({ tx, actor, input, notify }) {
    const association = (await findAssociationById(tx, input.associationId)) ?? refuse({ form: "portfolio.notFound" });
    if (!(await insertRole(tx, actor.userId, association.id, "member"))) return unchanged(false);
    const what = { key: "notice.associationJoined", values: { association: association.name } } as const;
    await notify(actor.userId, "association-joined", what, "/progress");
    return done({ type: "user", id: actor.userId, associationId: association.id }, true);
  },
});
