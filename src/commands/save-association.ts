import { appendAudit } from "../data/audit-log.ts";
import { setFrameworksOfAssociation } from "../data/association-frameworks.ts";
import { type AssociationFields, insertAssociation, isSlugTaken, updateAssociation } from "../data/associations.ts";
import { type Actor, type CommandContext, fail, isUniqueViolation, ok, type Result } from "./command-context.ts";

/** The association's details and the frameworks it endorses by (ids of shipped frameworks). */
export type AssociationInput = AssociationFields & { frameworks: string[] };

function unknownFramework(input: AssociationInput, knownFrameworkIds: readonly string[]) {
  return input.frameworks.some((id) => !knownFrameworkIds.includes(id));
}

export async function createAssociation(
  context: CommandContext,
  actor: Actor,
  fields: AssociationInput,
  knownFrameworkIds: readonly string[],
): Promise<Result<{ id: string; slug: string }>> {
  if (unknownFramework(fields, knownFrameworkIds)) return fail({ frameworks: "error.choose" });
  try {
    return await context.db.transaction().execute(async (tx) => {
      if (await isSlugTaken(tx, fields.slug)) return fail({ slug: "error.slugTaken" });
      const association = await insertAssociation(tx, fields);
      await setFrameworksOfAssociation(tx, association.id, fields.frameworks);
      await appendAudit(tx, {
        actorUserId: actor.userId,
        associationId: association.id,
        action: "association.created",
        subjectType: "association",
        subjectId: association.id,
        details: { name: fields.name, slug: fields.slug, frameworks: fields.frameworks },
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
  fields: AssociationInput,
  knownFrameworkIds: readonly string[],
): Promise<Result<{ slug: string }>> {
  if (unknownFramework(fields, knownFrameworkIds)) return fail({ frameworks: "error.choose" });
  try {
    return await context.db.transaction().execute(async (tx) => {
      if (await isSlugTaken(tx, fields.slug, associationId)) return fail({ slug: "error.slugTaken" });
      await updateAssociation(tx, associationId, fields, context.now());
      await setFrameworksOfAssociation(tx, associationId, fields.frameworks);
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
