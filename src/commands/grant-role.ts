import { z } from "zod";
import { insertRole } from "../data/association-roles.ts";
import { findAssociationById } from "../data/associations.ts";
import { findUserByEmail } from "../data/users.ts";
import { roleGrantedMail } from "../mail/templates.ts";
import { associationRoles } from "../policies/actor.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";

/** An association's admin gives an existing account a role in it, and the person is told by mail. */
export const grantRole = defineCommand({
  name: "role.granted",
  actors: ["person", "system"],
  input: z.object({ associationId: z.uuid(), email: z.email("error.email"), role: z.enum(associationRoles, "error.role") }),
  policy: (actor, input) => actor.kind === "system" || associationPolicy.manageRoles(actor, { id: input.associationId }),
  async run({ tx, input, context, mail }) {
    const association = (await findAssociationById(tx, input.associationId)) ?? refuse({ form: "portfolio.notFound" });
    const user = (await findUserByEmail(tx, input.email)) ?? refuse({ email: "error.noSuchUser" });
    if (!(await insertRole(tx, user.id, association.id, input.role))) return unchanged({ userId: user.id });
    const message = roleGrantedMail(
      user.locale ?? association.locale,
      user.name,
      association.name,
      `role.${input.role}`,
      `${context.baseUrl}/a/${association.slug}`,
    );
    await mail({ kind: "role-granted", userId: user.id, to: user.email, ...message });
    return done({ type: "user", id: user.id, associationId: association.id }, { userId: user.id }, { role: input.role });
  },
});
