import { z } from "zod";
import { applicationStatuses } from "../domain/application-lifecycle.ts";
import { letterKinds, letterTextProblems } from "../domain/letters.ts";
import { reviewOutcomes } from "../domain/review-outcomes.ts";

/**
 * Staff's decision as posted: the outcome, feedback for the applicant, and the status and version of
 * the file the staff member saw, so a decision made on a page gone stale is refused.
 */
export const decisionForm = z.object({
  outcome: z.enum(reviewOutcomes, "error.choose"),
  feedback: z.string().trim().max(10_000, "error.tooLong").default(""),
  expectedStatus: z.enum(applicationStatuses, "error.invalid"),
  expectedVersion: z.coerce.number().int().min(1, "error.invalid"),
});

const letterText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "error.required")
    .max(max, "error.tooLong")
    .superRefine((text, issues) => {
      const problems = letterTextProblems(text);
      if (problems.unknown.length > 0) issues.addIssue({ code: "custom", message: "letterTexts.unknownPlaceholder" });
      else if (problems.unbalanced) issues.addIssue({ code: "custom", message: "letterTexts.unbalanced" });
    });

/** Which letter, in which language. */
export const letterChoice = z.object({ kind: z.enum(letterKinds, "error.invalid"), locale: z.enum(["en", "es"], "error.invalid") });

/** One kind of letter in one language as an association words it: only the placeholders Cradle fills. */
export const letterTextForm = letterChoice.extend({ subject: letterText(300), body: letterText(10_000) });

/** /a/:slug/letters saves a wording or restores Cradle's default. */
export const letterTextsAction = z.discriminatedUnion(
  "intent",
  [letterTextForm.extend({ intent: z.literal("save") }), letterChoice.extend({ intent: z.literal("restore") })],
  { error: "error.unknownAction" },
);
