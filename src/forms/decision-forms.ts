import { z } from "zod";
import { applicationStatuses } from "../domain/application-lifecycle.ts";
import { letterKinds } from "../domain/letters.ts";
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

/** One kind of letter in one language, as an association words it; "restore" goes back to Cradle's default. */
export const letterTextForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    kind: z.enum(letterKinds, "error.invalid"),
    locale: z.enum(["en", "es"], "error.invalid"),
    subject: z.string().trim().min(1, "error.required").max(300, "error.tooLong"),
    body: z.string().trim().min(1, "error.required").max(10_000, "error.tooLong"),
  }),
  z.object({ intent: z.literal("restore"), kind: z.enum(letterKinds, "error.invalid"), locale: z.enum(["en", "es"], "error.invalid") }),
]);
