import type { EligibilityReport, ExclusionReason, RequirementReport } from "./report.ts";

/** Whether an entry counted for a category, and if not, why (each reason once, in the report's order); "unused" when no requirement read it. */
export type EntryVerdict = { counted: true } | { counted: false; reasons: ExclusionReason[] } | { counted: "unused" };

function* requirementsOf(requirements: readonly RequirementReport[]): Generator<RequirementReport> {
  for (const requirement of requirements) {
    yield requirement;
    if (requirement.options) yield* requirementsOf(requirement.options);
  }
}

/**
 * What a category's report says of each entry: counted if any requirement counted it (an any-of's
 * options included), else the reasons requirements gave for leaving it out. Silent exclusions
 * (a session outside the window, a provider not endorsed that day) are what this shows.
 */
export function entryVerdicts(report: EligibilityReport): (entryId: string) => EntryVerdict {
  const counted = new Set<string>();
  const reasons = new Map<string, ExclusionReason[]>();
  for (const requirement of requirementsOf(report.requirements)) {
    for (const item of requirement.counted) counted.add(item.entryId);
    for (const item of requirement.excluded) {
      const list = reasons.get(item.entryId) ?? [];
      if (!list.includes(item.reason)) list.push(item.reason);
      reasons.set(item.entryId, list);
    }
  }
  return (entryId) => {
    if (counted.has(entryId)) return { counted: true };
    const why = reasons.get(entryId);
    return why ? { counted: false, reasons: why } : { counted: "unused" };
  };
}
