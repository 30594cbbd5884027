import { setFrameworksOfAssociation } from "../data/association-frameworks.ts";
import { insertAssociation, isSlugTaken } from "../data/associations.ts";
import { associationPolicy } from "../policies/association.ts";
import { associationInput } from "./shared/association-input.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/** The installation's owner (or the demo seed) creates an association with the frameworks it endorses by. */
export const createAssociation = defineCommand({
  name: "association.created",
  actors: ["person", "system"],
  input: associationInput,
  changes: ["associations"],
  policy: (actor) => actor.kind === "system" || associationPolicy.create(actor),
  async run({ tx, input, context }) {
    if (input.frameworks.some((id) => !context.frameworks.some((framework) => framework.id === id))) refuse({ frameworks: "error.choose" });
    if (await isSlugTaken(tx, input.slug)) refuse({ slug: "error.slugTaken" });
    const association = await insertAssociation(tx, input);
    await setFrameworksOfAssociation(tx, association.id, input.frameworks);
    return done(
      { type: "association", id: association.id, associationId: association.id },
      { id: association.id, slug: association.slug },
      { name: input.name, slug: input.slug, frameworks: input.frameworks },
    );
  },
});
