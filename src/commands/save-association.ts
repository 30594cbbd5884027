import { appendAudit } from "../data/audit-log.ts";
import { type AssociationFields, insertAssociation, isSlugTaken, updateAssociation } from "../data/associations.ts";
import { type Actor, type CommandContext, fail, isUniqueViolation, ok, type Result } from "./command-context.ts";

export async function createAssociation(
  context: CommandContext,
  actor: Actor,
  fields: AssociationFields,
): Promise<Result<{ id: string; slug: string }>> {
  try {
    return await context.db.transaction().execute(async (tx) => {
      if (await isSlugTaken(tx, fields.slug)) return fail({ slug: "error.slugTaken" });
      const association = await insertAssociation(tx, fields);
      await appendAudit(tx, {
        actorUserId: actor.userId,
        associationId: association.id,
        action: "association.created",
        subjectType: "association",
        subjectId: association.id,
        details: { name: fields.name, slug: fields.slug },
      });
      return ok({ id: association.id, slug: association.slug });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail({ slug: "error.slugTaken" });
    throw error;
  }
}

export async function editAssociation(
  context: CommandContext,
  actor: Actor,
  associationId: string,
  fields: AssociationFields,
): Promise<Result<{ slug: string }>> {
  try {
    return await context.db.transaction().execute(async (tx) => {
      if (await isSlugTaken(tx, fields.slug, associationId)) return fail({ slug: "error.slugTaken" });
      await updateAssociation(tx, associationId, fields, context.now());
      await appendAudit(tx, {
        actorUserId: actor.userId,
        associationId,
        action: "association.updated",
        subjectType: "association",
        subjectId: associationId,
        details: { ...fields },
      });
      return ok({ slug: fields.slug });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail({ slug: "error.slugTaken" });
    throw error;
  }
}
