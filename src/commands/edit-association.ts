import { z } from "zod";
import { setFrameworksOfAssociation } from "../data/association-frameworks.ts";
import { isSlugTaken, updateAssociation } from "../data/associations.ts";
import { associationPolicy } from "../policies/association.ts";
import { associationInput } from "./shared/association-input.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

export const editAssociation = defineCommand({
  name: "association.updated",
  actors: ["person"],
  input: associationInput.extend({ associationId: z.uuid() }),
  changes: ["associations"],
  policy: (actor) => associationPolicy.update(actor),
  async run({ tx, input, now, context }) {
    const { associationId, ...fields } = input;
    if (fields.frameworks.some((id) => !context.frameworks.some((framework) => framework.id === id))) refuse({ frameworks: "error.choose" });
    if (await isSlugTaken(tx, fields.slug, associationId)) refuse({ slug: "error.slugTaken" });
    await updateAssociation(tx, associationId, fields, now);
    await setFrameworksOfAssociation(tx, associationId, fields.frameworks);
    return done({ type: "association", id: associationId, associationId }, { slug: fields.slug }, { ...fields });
  },
});
