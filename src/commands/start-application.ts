import { z } from "zod";
import { insertApplication } from "../data/applications.ts";
import { listFrameworkIdsOfAssociation } from "../data/association-frameworks.ts";
import { findAssociationById } from "../data/associations.ts";
import { hasRole } from "../policies/actor.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { findCategory } from "./shared/find-category.ts";

/** A member opens a draft application for a category of one of the association's frameworks, with the association's fee. */
export const startApplication = defineCommand({
  name: "application.started",
  actors: ["person"],
  input: z.object({ associationId: z.uuid(), frameworkId: z.string(), categoryId: z.string() }),
  policy: (actor, input) => hasRole(actor, input.associationId, "member"),
  async run({ tx, actor, input, context }) {
    const { category } = findCategory(context, input.frameworkId, input.categoryId);
    const association = await findAssociationById(tx, input.associationId);
    if (!association || !(await listFrameworkIdsOfAssociation(tx, association.id)).includes(input.frameworkId)) refuse({ form: "portfolio.notFound" });
    const { id } = await insertApplication(tx, {
      userId: actor.userId,
      associationId: association.id,
      frameworkId: input.frameworkId,
      categoryId: category.id,
      feeCents: association.application_fee_cents,
    });
    return done({ type: "application", id, associationId: association.id }, { applicationId: id }, { category: category.id, to: "draft" });
  },
});
