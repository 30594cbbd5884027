import { z } from "zod";
import { deleteCategoryTarget, insertCategoryTarget } from "../data/category-targets.ts";
import { portfolioPolicy } from "../policies/portfolio.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";

/**
 * A person marks a category as one they are working toward, or stops: their progress opens it
 * first and their portfolio says, beside each entry, whether it counted for it.
 */
export const chooseCategoryTarget = defineCommand({
  name: "category-target.chosen",
  actors: ["person"],
  input: z.object({ frameworkId: z.string().min(1).max(100), categoryId: z.string().min(1).max(100), isTarget: z.boolean() }),
  policy: (actor) => portfolioPolicy.editOwn(actor),
  async run({ tx, actor, input, context, now }) {
    const framework = context.frameworks.find((candidate) => candidate.id === input.frameworkId);
    if (!framework?.categories.some((category) => category.id === input.categoryId)) refuse({ form: "portfolio.notFound" });
    const target = { frameworkId: input.frameworkId, categoryId: input.categoryId };
    const changed = input.isTarget ? await insertCategoryTarget(tx, actor.userId, target, now) : await deleteCategoryTarget(tx, actor.userId, target);
    return changed ? done({ type: "user", id: actor.userId }, true, { ...target, isTarget: input.isTarget }) : unchanged(false);
  },
});
