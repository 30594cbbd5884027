import type { Category, Framework, Requirement, Text } from "./framework-schema.ts";
import { message, type ReportMessage } from "./report-messages.ts";

/**
 * The reference rating form. The Alliance's own items are licensed and no source gives the
 * scale, so the default rates each competency domain of the framework that belongs to the
 * applicant's category, on a four-point scale, with "not enough information" always offered (the
 * scale's words are the catalogues' `engine.rating.*`); an association may replace it (a later issue).
 */
export type RatingItem = { id: string; label: Text; description: Text | null; keyConcepts: Text[] };
export type RatingForm = {
  items: RatingItem[];
  scale: Array<{ value: string; label: ReportMessage }>;
  /** A rating with more "not enough information" answers does not count; null where no rating requirement says. */
  maxNotEnoughInformation: number | null;
};

export const notEnoughInformation = "nei";

const scale: RatingForm["scale"] = [
  { value: "1", label: message("engine.rating.1") },
  { value: "2", label: message("engine.rating.2") },
  { value: "3", label: message("engine.rating.3") },
  { value: "4", label: message("engine.rating.4") },
  { value: notEnoughInformation, label: message("engine.rating.nei") },
];

/**
 * The form for a rating of someone who seeks `categoryId`: the domains that category's competencies
 * include, and its rating requirement's limit. A request made before ratings named a category
 * (null) asks only the domains every category shares, under the framework's strictest limit.
 */
export function ratingFormFor(framework: Framework, categoryId: string | null): RatingForm {
  const category = framework.categories.find((candidate) => candidate.id === categoryId);
  const items = framework.domains
    .filter((domain) => domain.categories === undefined || (category !== undefined && domain.categories.includes(category.id)))
    .map((domain) => ({ id: domain.id, label: domain.name, description: domain.description ?? null, keyConcepts: domain.keyConcepts }));
  const limits = (category ? [category] : framework.categories).flatMap(ratingLimitsOf);
  return { items, scale, maxNotEnoughInformation: limits.length > 0 ? Math.min(...limits) : null };
}

function ratingLimitsOf(category: Category): number[] {
  const visit = (requirement: Requirement): number[] => {
    if (requirement.kind === "any-of") return requirement.options.flatMap(visit);
    return requirement.kind === "references" && requirement.referenceKind === "rating" && requirement.maxNotEnoughInformation !== undefined
      ? [requirement.maxNotEnoughInformation]
      : [];
  };
  return category.requirements.flatMap(visit);
}

/** Every item answered with a value of the scale; returns the items still unanswered. */
export function unansweredItems(form: RatingForm, answers: Record<string, string | undefined>): string[] {
  const allowed = new Set(form.scale.map((option) => option.value));
  return form.items.filter((item) => !allowed.has(answers[item.id] ?? "")).map((item) => item.id);
}

export function countNotEnoughInformation(form: RatingForm, answers: Record<string, string | undefined>): number {
  return form.items.filter((item) => answers[item.id] === notEnoughInformation).length;
}

/** Whether the answers give more "not enough information" than the form's limit: the rating will not count. */
export function isVoidRating(form: RatingForm, answers: Record<string, string | undefined>): boolean {
  return form.maxNotEnoughInformation !== null && countNotEnoughInformation(form, answers) > form.maxNotEnoughInformation;
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
