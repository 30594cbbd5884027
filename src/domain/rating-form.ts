import type { Framework, Text } from "./framework-schema.ts";
import { message, type ReportMessage } from "./report-messages.ts";

/**
 * The reference rating form. The Alliance's own items are licensed and no source gives the
 * scale, so the default rates each competency domain of the framework on a four-point scale,
 * with "not enough information" always offered (the scale's words are the catalogues' `engine.rating.*`); an association may replace it (a later issue).
 */
export type RatingForm = { items: Array<{ id: string; label: Text }>; scale: Array<{ value: string; label: ReportMessage }> };

export const notEnoughInformation = "nei";

const scale: RatingForm["scale"] = [
  { value: "1", label: message("engine.rating.1") },
  { value: "2", label: message("engine.rating.2") },
  { value: "3", label: message("engine.rating.3") },
  { value: "4", label: message("engine.rating.4") },
  { value: notEnoughInformation, label: message("engine.rating.nei") },
];

export function ratingFormFor(framework: Framework): RatingForm {
  return { items: framework.domains.map((domain) => ({ id: domain.id, label: domain.name })), scale };
}

/** Every item answered with a value of the scale; returns the items still unanswered. */
export function unansweredItems(form: RatingForm, answers: Record<string, string | undefined>): string[] {
  const allowed = new Set(form.scale.map((option) => option.value));
  return form.items.filter((item) => !allowed.has(answers[item.id] ?? "")).map((item) => item.id);
}

export function countNotEnoughInformation(form: RatingForm, answers: Record<string, string | undefined>): number {
  return form.items.filter((item) => answers[item.id] === notEnoughInformation).length;
}

/** What the rater says about themselves beside the form's items: an endorsement they hold, and since when. */
export const aboutRaterFields = ["raterCredential", "raterEarned"] as const;

/** The framework a rating is for (the first published one when the link names none or an unknown one). */
export function ratingFrameworkOf(frameworks: readonly Framework[], frameworkId: string | null): Framework {
  return frameworks.find((candidate) => candidate.id === frameworkId) ?? frameworks[0]!;
}

/** Only the fields of the form and about the rater, trimmed, the empty ones left out. */
export function ratingAnswersOf(form: RatingForm, values: Record<string, string | undefined>): Record<string, string> {
  const fields = [...form.items.map((item) => item.id), ...aboutRaterFields];
  return Object.fromEntries(fields.map((field) => [field, (values[field] ?? "").trim()] as const).filter(([, value]) => value !== ""));
}
