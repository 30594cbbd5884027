import { toDay } from "../dates.ts";
import type { Requirement } from "../framework-schema.ts";
import { educationRank, holdsOn } from "../prepare-portfolio.ts";
import type { Counted, Excluded } from "../report.ts";
import { type EvaluationContext, type Outcome, yesOrNo } from "./outcome.ts";

type Of<K extends Requirement["kind"]> = Extract<Requirement, { kind: K }>;

const levelNames = {
  "high-school": { en: "a high-school diploma", es: "un diploma de secundaria" },
  cda: { en: "a CDA credential", es: "una credencial CDA" },
  associate: { en: "an associate degree", es: "un título de asociado" },
  bachelor: { en: "a bachelor's degree", es: "una licenciatura" },
  master: { en: "a master's degree", es: "una maestría" },
  doctorate: { en: "a doctorate", es: "un doctorado" },
} as const;

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
  const level = levelNames[requirement.minLevel];
  const field = requirement.relatedField ? { en: " in a related field", es: " en un campo relacionado" } : { en: "", es: "" };
  return yesOrNo(
    counted.length > 0,
    { en: `Needs ${level.en} or higher${field.en}, completed.`, es: `Se requiere ${level.es} o superior${field.es}, terminado.` },
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
  return yesOrNo(
    counted.length > 0,
    { en: "Needs a current professional licence from a state regulatory agency.", es: "Se requiere una licencia profesional vigente de una agencia estatal." },
    counted,
    excluded,
  );
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
    { en: `Needs a current endorsement as one of: ${names}.`, es: `Se requiere una acreditación vigente como: ${names}.` },
    current.map((credential) => ({ entryId: `${credential.framework}/${credential.category}`, amount: 1 })),
    matching
      .filter((credential) => !current.includes(credential))
      .map((credential) => ({ entryId: `${credential.framework}/${credential.category}`, reason: "expired" })),
  );
}
