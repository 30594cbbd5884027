import type { Category, Framework } from "../../domain/framework-schema.ts";
import type { CommandContext } from "../command-context.ts";
import { refuse } from "../define-command.ts";

/** A category of a shipped framework, by ids; a command given ids that name nothing refuses. */
export function findCategory(context: CommandContext, frameworkId: string, categoryId: string): { framework: Framework; category: Category } {
  const framework = context.frameworks.find((candidate) => candidate.id === frameworkId);
  const category = framework?.categories.find((candidate) => candidate.id === categoryId);
  if (!framework || !category) refuse({ form: "portfolio.notFound" });
  return { framework, category };
}
