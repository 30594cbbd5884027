import type { Text } from "./framework-schema.ts";
import type { ExclusionReason, Measure, Unit } from "./report.ts";

/** Why an entry did not count, in both languages; the app and the CLI show these as they are. */
export const exclusionReasons: Record<ExclusionReason, Text> = {
  "after-date": { en: "dated after the date checked", es: "tiene fecha posterior a la fecha evaluada" },
  "outside-window": { en: "too old: outside the period that counts", es: "demasiado antiguo: fuera del periodo que cuenta" },
  "not-completed": { en: "not completed yet", es: "todavía no está completado" },
  "level-too-low": { en: "below the level required", es: "por debajo del nivel requerido" },
  "unrelated-field": { en: "not in a related field", es: "no es de un campo relacionado" },
  expired: { en: "expired", es: "vencido" },
  "not-paid": { en: "not paid work", es: "no es trabajo remunerado" },
  "wrong-kind": { en: "not the kind of work required", es: "no es el tipo de trabajo requerido" },
  "wrong-ages": { en: "not with children of the ages required", es: "no es con niños de las edades requeridas" },
  "not-relationship-focused": { en: "not relationship-focused work", es: "no es trabajo centrado en las relaciones" },
  "not-with-parents": { en: "not with the child and parent together", es: "no es con el niño y sus padres juntos" },
  "before-education": { en: "before the degree was completed", es: "anterior a la obtención del título" },
  "before-credential": { en: "before the endorsement required was earned", es: "anterior a la acreditación requerida" },
  "no-matching-domain": { en: "not in a domain or topic this requirement counts", es: "no corresponde a un dominio o tema que cuente aquí" },
  "no-conversion-factor": {
    en: "academic course hours, and the association has not set how they convert to clock hours",
    es: "horas de curso académico, y la asociación no ha fijado su conversión a horas reloj",
  },
  duplicate: { en: "the same entry appears twice; it counts once", es: "la misma entrada aparece dos veces; cuenta una vez" },
  peer: { en: "peer supervision never counts", es: "la supervisión entre pares nunca cuenta" },
  "provider-not-qualified": {
    en: "the provider did not hold a qualifying endorsement on the session's date",
    es: "quien la brindó no tenía una acreditación válida en la fecha de la sesión",
  },
  "group-too-large": { en: "the group was larger than allowed", es: "el grupo era más grande de lo permitido" },
  "not-about-provided": { en: "not about the RS/C the person provides", es: "no trata sobre la SR/C que la persona brinda" },
  "not-to-leader": { en: "not provided to someone in a leadership role", es: "no se brindó a alguien en un rol de liderazgo" },
  "void-rating": {
    en: 'too many "not enough information" answers: the rating does not count',
    es: 'demasiadas respuestas de "no tengo información suficiente": la evaluación no cuenta',
  },
  "over-role-limit": { en: "more references of this kind than may count", es: "más referencias de este tipo de las que pueden contar" },
  "too-long": { en: "longer than allowed", es: "más largo de lo permitido" },
  "not-official": { en: "the official transcript has not been received", es: "no se ha recibido el certificado oficial de notas" },
};

const units: Record<Unit, { en: [string, string]; es: [string, string] }> = {
  hours: { en: ["hour", "hours"], es: ["hora", "horas"] },
  years: { en: ["year", "years"], es: ["año", "años"] },
  families: { en: ["family", "families"], es: ["familia", "familias"] },
  references: { en: ["reference", "references"], es: ["referencia", "referencias"] },
  recipients: { en: ["person", "people"], es: ["persona", "personas"] },
  observations: { en: ["observation", "observations"], es: ["observación", "observaciones"] },
  months: { en: ["month", "months"], es: ["mes", "meses"] },
};

/**
 * Up to two decimals, thousands grouped: "1,234.5". US English and Mexican Spanish (the Spanish
 * most of our users read) write numbers alike; this is Intl.NumberFormat's output for both, at a
 * fraction of its cost in a loop that explains thousands of requirements.
 */
export function formatNumber(value: number): string {
  const rounded = Math.round(Math.abs(value) * 100) / 100;
  const [whole = "0", fraction] = String(rounded).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 && rounded !== 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

export function unitWord(unit: Unit, amount: number, locale: "en" | "es"): string {
  return units[unit][locale][amount === 1 ? 0 : 1];
}

/** "RS/C received: 12 more hours needed (38 of 50)." for each measure still short, or the unset ones. */
export function describeShortfall(measures: Measure[]): Text | null {
  const en: string[] = [];
  const es: string[] = [];
  for (const measure of measures) {
    if (measure.need === null) {
      en.push(
        `${measure.label.en}: ${formatNumber(measure.have)} ${unitWord(measure.unit, measure.have, "en")} so far; the figure required is set by the association.`,
      );
      es.push(
        `${measure.label.es}: ${formatNumber(measure.have)} ${unitWord(measure.unit, measure.have, "es")} hasta ahora; la cifra requerida la fija la asociación.`,
      );
    } else if (measure.have < measure.need) {
      const remaining = Math.round((measure.need - measure.have) * 100) / 100;
      en.push(
        `${measure.label.en}: ${formatNumber(remaining)} more ${unitWord(measure.unit, remaining, "en")} needed (${formatNumber(measure.have)} of ${formatNumber(measure.need)}).`,
      );
      es.push(
        `${measure.label.es}: ${remaining === 1 ? "falta" : "faltan"} ${formatNumber(remaining)} ${unitWord(measure.unit, remaining, "es")} (${formatNumber(measure.have)} de ${formatNumber(measure.need)}).`,
      );
    }
  }
  return en.length === 0 ? null : { en: en.join(" "), es: es.join(" ") };
}

export function joinTexts(texts: Array<Text | null>): Text | null {
  const present = texts.filter((text): text is Text => text !== null);
  return present.length === 0 ? null : { en: present.map((t) => t.en).join(" "), es: present.map((t) => t.es).join(" ") };
}
