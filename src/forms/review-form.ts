import { z } from "zod";
import { reviewDecisions } from "../domain/review-checklist.ts";
import { reviewOutcomes } from "../domain/review-outcomes.ts";

const longText = z.string().max(20000, "error.tooLong");
const key = z
  .string()
  .regex(/^[a-z0-9-]+$/i)
  .max(120);

/** A reviewer's answers as the commands take them; the field names of the page are turned into this by `reviewAnswersOf`. */
export const reviewAnswersInput = z.object({
  items: z.array(z.object({ key, decision: z.enum(reviewDecisions).nullable(), comment: z.string().max(2000, "error.tooLong") })).max(100),
  scores: z.record(key, z.string().max(10)),
  feedback: longText,
  staffNotes: longText,
  recommendation: z.enum(reviewOutcomes).nullable(),
  hours: z.number().min(0, "error.tooSmall").max(1000, "error.tooBig").nullable(),
});
export type ReviewAnswersInput = z.output<typeof reviewAnswersInput>;

/**
 * The review page's form: the intent and the fixed fields; the per-requirement and per-item fields
 * (`decision-<key>`, `comment-<key>`, `score-<key>`) come along and are read by `reviewAnswersOf`.
 */
export const reviewForm = z
  .object({
    intent: z.enum(["save", "submit", "autosave"], "error.unknownAction"),
    feedback: longText.default(""),
    staffNotes: longText.default(""),
    recommendation: z.union([z.literal(""), z.enum(reviewOutcomes, "error.choose")]).default(""),
    hours: z
      .string()
      .trim()
      .default("")
      .refine((value) => value === "" || /^\d{1,4}(\.\d{1,2})?$/.test(value), "error.number"),
  })
  .catchall(z.union([z.string(), z.array(z.string())]));

/** The form's fields as the commands' answers, for the requirements and items the page showed. */
export function reviewAnswersOf(form: z.output<typeof reviewForm>, requirementKeys: readonly string[], itemKeys: readonly string[]): ReviewAnswersInput {
  const field = (name: string) => {
    const value = form[name];
    return typeof value === "string" ? value : "";
  };
  const decision = (name: string) => {
    const value = field(name);
    return (reviewDecisions as readonly string[]).includes(value) ? (value as (typeof reviewDecisions)[number]) : null;
  };
  return {
    items: requirementKeys.map((requirement) => ({
      key: requirement,
      decision: decision(`decision-${requirement}`),
      comment: field(`comment-${requirement}`).trim(),
    })),
    scores: Object.fromEntries(itemKeys.map((item) => [item, field(`score-${item}`)] as const).filter(([, score]) => score !== "")),
    feedback: form.feedback.trim(),
    staffNotes: form.staffNotes.trim(),
    recommendation: form.recommendation === "" ? null : form.recommendation,
    hours: form.hours === "" ? null : Number(form.hours),
  };
}
