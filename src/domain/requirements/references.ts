import { addMonths, toDay } from "../dates.ts";
import type { Requirement } from "../framework-schema.ts";
import type { Portfolio } from "../portfolio-schema.ts";
import { holdsOn } from "../prepare-portfolio.ts";
import type { Counted, Excluded, Measure } from "../report.ts";
import { type EvaluationContext, type Outcome, outcomeFromMeasures } from "./outcome.ts";

type ReferencesRequirement = Extract<Requirement, { kind: "references" }>;
type Rule = ReferencesRequirement["rules"][number];
type Reference = Portfolio["references"][number];

function matchesRule(rule: Rule, reference: Reference, day: number): boolean {
  const roleMatches = rule.roles === undefined || rule.roles.includes(reference.role);
  const holderMatches =
    rule.raterHolds === undefined || holdsOn(reference.raterCredentials, rule.raterHolds, day) || (rule.acceptVetted && reference.raterVetted);
  return roleMatches && holderMatches;
}

/**
 * Ratings, letters or verifications from others. A rating with too many "not enough
 * information" answers is void, one older than the framework's validity has expired; role
 * limits ("at most one colleague or parent") cap what counts.
 */
export function evaluateReferences(requirement: ReferencesRequirement, context: EvaluationContext): Outcome {
  const excluded: Excluded[] = [];
  let valid: Reference[] = [];
  for (const reference of context.prepared.portfolio.references) {
    if (reference.kind !== requirement.referenceKind) continue;
    if (!reference.completed) excluded.push({ entryId: reference.id, reason: "not-completed" });
    else if (toDay(reference.completed) > context.asOf) excluded.push({ entryId: reference.id, reason: "after-date" });
    // Valid for a year: one completed exactly a year before the date still counts, a day older does not.
    else if (requirement.validMonths !== undefined && addMonths(toDay(reference.completed), requirement.validMonths) < context.asOf) {
      excluded.push({ entryId: reference.id, reason: "expired" });
    } else if (requirement.maxNotEnoughInformation !== undefined && reference.notEnoughInformation > requirement.maxNotEnoughInformation) {
      excluded.push({ entryId: reference.id, reason: "void-rating" });
    } else valid.push(reference);
  }
  for (const rule of requirement.rules) {
    if (rule.max === undefined) continue;
    const over = valid.filter((reference) => matchesRule(rule, reference, context.asOf)).slice(rule.max);
    for (const reference of over) excluded.push({ entryId: reference.id, reason: "over-role-limit" });
    valid = valid.filter((reference) => !over.includes(reference));
  }

  const measures: Measure[] = [{ id: "count", label: requirement.label, have: valid.length, need: requirement.count, unit: "references" }];
  requirement.rules.forEach((rule, index) => {
    if (rule.min > 0) {
      const have = valid.filter((reference) => matchesRule(rule, reference, context.asOf)).length;
      measures.push({ id: `rule-${index + 1}`, label: rule.label, have, need: rule.min, unit: "references" });
    }
  });
  const counted: Counted[] = valid.map((reference) => ({ entryId: reference.id, amount: 1 }));
  return outcomeFromMeasures(measures, counted, excluded);
}
