import { z } from "zod";
import { referenceRoles } from "../domain/portfolio-codes.ts";

export const askForReferenceForm = z.object({
  raterName: z.string().trim().min(1, "error.required").max(200, "error.tooLong"),
  raterEmail: z
    .string()
    .trim()
    .min(1, "error.required")
    .pipe(z.email("error.email"))
    .transform((value) => value.toLowerCase()),
  role: z.enum(referenceRoles, "error.choose"),
  /** "association|framework|category", as the page's choices write it; no association for someone who belongs to none. */
  category: z
    .string()
    .regex(/^[^|]*\|[^|]+\|[^|]+$/, "error.choose")
    .transform((value) => {
      const [associationId = "", frameworkId = "", categoryId = ""] = value.split("|");
      return { associationId: associationId === "" ? null : associationId, frameworkId, categoryId };
    }),
  waived: z.preprocess((value) => value === "on", z.boolean()),
});

export const confirmationForm = z.object({
  name: z.string().trim().min(1, "error.required").max(200, "error.tooLong"),
  email: z
    .string()
    .trim()
    .min(1, "error.required")
    .pipe(z.email("error.email"))
    .transform((value) => value.toLowerCase()),
  /** "all": every entry not yet confirmed that names the same person, in one link (decision 020). */
  scope: z.enum(["one", "all"], "error.unknownAction").default("one"),
});

/**
 * A rater sends the rating, sends it although it will not count (after being told so), or saves it
 * to finish later; anything else is refused. The answers are read by the rating form.
 */
export const ratingAction = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("submit") }), z.object({ intent: z.literal("submit-anyway") }), z.object({ intent: z.literal("save") })],
  { error: "error.unknownAction" },
);

/** A provider confirms an entry or says it is not right, with an optional comment; any other answer is refused, never taken for a no. */
export const confirmationAnswer = z.object({
  answer: z.enum(["yes", "no"], "error.unknownAction"),
  comment: z
    .string()
    .optional()
    .transform((value) => (value ?? "").slice(0, 2000)),
});
