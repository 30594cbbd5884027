import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { findFrameworkProblems } from "../domain/check-framework.ts";
import { type Framework, frameworkSchema } from "../domain/framework-schema.ts";
import { compileFramework } from "../domain/summary/compile-framework.ts";

export class FrameworkError extends Error {
  override name = "FrameworkError";
}

const defaultFolder = path.resolve(import.meta.dirname, "../../frameworks");

/** Reads and validates every framework file; a bad file stops everything with the file and field named. */
export function loadFrameworks(folder = defaultFolder): Framework[] {
  const files = readdirSync(folder).filter((file) => file.endsWith(".json")).sort();
  const frameworks = files.map((file) => parseFrameworkFile(path.join(folder, file)));
  const known = new Map(frameworks.map((framework) => [framework.id, new Set(framework.categories.map((category) => category.id))]));
  for (const framework of frameworks) {
    const problems = findFrameworkProblems(framework, known);
    if (problems.length > 0) throw new FrameworkError(`Framework ${framework.id} is inconsistent:\n  ${problems.join("\n  ")}`);
  }
  // Compiled now, so every word they filter on is known before any portfolio is compiled for the summary path.
  for (const framework of frameworks) compileFramework(framework);
  return frameworks;
}

export function parseFrameworkFile(file: string): Framework {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new FrameworkError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = frameworkSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`);
    throw new FrameworkError(`${file} does not match the framework format:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

export function findFramework(frameworks: Framework[], id: string): Framework | undefined {
  return frameworks.find((framework) => framework.id === id);
}
