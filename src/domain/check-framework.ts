import type { Framework, Requirement } from "./framework-schema.ts";

/** Consistency the schema alone cannot see: unique ids, known domains, references to categories that exist. */
export function findFrameworkProblems(framework: Framework, known: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const problems: string[] = [];
  const domainIds = new Set(framework.domains.map((domain) => domain.id));
  const categoryIds = new Set<string>();
  const refExists = (ref: { framework: string; category: string }) =>
    ref.framework === framework.id
      ? framework.categories.some((category) => category.id === ref.category)
      : (known.get(ref.framework)?.has(ref.category) ?? true);

  const visit = (requirement: Requirement, where: string) => {
    if (requirement.kind === "any-of") requirement.options.forEach((option, index) => visit(option, `${where}.options[${index}]`));
    if (requirement.kind === "training") {
      for (const bucket of requirement.buckets) {
        for (const domain of bucket.domains ?? []) if (!domainIds.has(domain)) problems.push(`${where}: bucket ${bucket.id} names unknown domain ${domain}`);
      }
    }
    const refs = [
      ...(requirement.kind === "credential" ? requirement.anyOf : []),
      ...(requirement.kind === "rsc-received" ? (requirement.provider?.anyOf ?? []) : []),
      ...(requirement.kind === "work" || requirement.kind === "rsc-provided" ? (requirement.afterCredential ?? []) : []),
      ...(requirement.kind === "references" ? requirement.rules.flatMap((rule) => rule.raterHolds ?? []) : []),
    ];
    for (const ref of refs) if (!refExists(ref)) problems.push(`${where}: unknown category ${ref.framework}/${ref.category}`);
  };

  for (const domain of framework.domains) {
    for (const category of domain.categories ?? [])
      if (!framework.categories.some((candidate) => candidate.id === category)) problems.push(`domain ${domain.id}: unknown category ${category}`);
  }
  for (const category of framework.categories) {
    if (categoryIds.has(category.id)) problems.push(`category ${category.id} appears twice`);
    categoryIds.add(category.id);
    const requirementIds = new Set<string>();
    for (const requirement of category.requirements) {
      // Two versions of one rule may share an id when their dates do not overlap.
      const key = `${requirement.id}|${requirement.effectiveFrom ?? ""}|${requirement.effectiveUntil ?? ""}`;
      if (requirementIds.has(key)) problems.push(`${category.id}: requirement ${requirement.id} appears twice`);
      requirementIds.add(key);
      visit(requirement, `${category.id}.${requirement.id}`);
    }
  }
  return problems;
}
