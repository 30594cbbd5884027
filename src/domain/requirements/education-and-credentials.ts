import { toDay } from "../dates.ts";
import type { Requirement } from "../framework-schema.ts";
import { educationRank, holdsOn } from "../prepare-portfolio.ts";
import type { Counted, Excluded } from "../report.ts";
import { message } from "../report-messages.ts";
import { type EvaluationContext, type Outcome, yesOrNo } from "./outcome.ts";

type Of<K extends Requirement["kind"]> = Extract<Requirement, { kind: K }>;

export function evaluateEducation(requirement: Of<"education">, context: EvaluationContext): Outcome {
  const counted: Counted[] = [];
  const excluded: Excluded[] = [];
  for (const { entry, completed } of context.prepared.education) {
    if (completed === null) excluded.push({ entryId: entry.id, reason: "not-completed" });
    else if (completed > context.asOf) excluded.push({ entryId: entry.id, reason: "after-date" });
    else if (educationRank[entry.level] < educationRank[requirement.minLevel]) excluded.push({ entryId: entry.id, reason: "level-too-low" });
    else if (requirement.relatedField && !entry.relatedField) excluded.push({ entryId: entry.id, reason: "unrelated-field" });
    else counted.push({ entryId: entry.id, amount: 1 });
  }
  const level = message(`engine.level.${requirement.minLevel}`);
  return yesOrNo(
    counted.length > 0,
    message(requirement.relatedField ? "engine.missing.educationRelated" : "engine.missing.education", { level }),
    counted,
    excluded,
  );
}

export function evaluateLicence(_requirement: Of<"licence">, context: EvaluationContext): Outcome {
  const counted: Counted[] = [];
  const excluded: Excluded[] = [];
  for (const licence of context.prepared.portfolio.licences) {
    if (licence.issued && toDay(licence.issued) > context.asOf) excluded.push({ entryId: licence.id, reason: "after-date" });
    else if (licence.expires && toDay(licence.expires) < context.asOf) excluded.push({ entryId: licence.id, reason: "expired" });
    else counted.push({ entryId: licence.id, amount: 1 });
  }
  return yesOrNo(counted.length > 0, message("engine.missing.licence"), counted, excluded);
}

export function evaluateCredential(requirement: Of<"credential">, context: EvaluationContext): Outcome {
  const held = context.prepared.portfolio.credentials;
  const matching = held
    .filter((credential) => requirement.anyOf.some((ref) => ref.framework === credential.framework && ref.category === credential.category))
    // The same endorsement recorded twice is still one endorsement: keep the one in force if any.
    .sort((a, b) => Number(holdsOn([b], requirement.anyOf, context.asOf)) - Number(holdsOn([a], requirement.anyOf, context.asOf)))
    .filter((credential, index, all) => all.findIndex((other) => other.framework === credential.framework && other.category === credential.category) === index);
  const current = matching.filter((credential) => holdsOn([credential], requirement.anyOf, context.asOf));
  const names = requirement.anyOf.map((ref) => ref.category.toUpperCase()).join(", ");
  return yesOrNo(
    current.length > 0,
    message("engine.missing.credential", { names }),
    current.map((credential) => ({ entryId: `${credential.framework}/${credential.category}`, amount: 1 })),
    matching
      .filter((credential) => !current.includes(credential))
      .map((credential) => ({ entryId: `${credential.framework}/${credential.category}`, reason: "expired" })),
  );
}
