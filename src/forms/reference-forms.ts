import { z } from "zod";
import { referenceRoles } from "../domain/portfolio-schema.ts";

export const askForReferenceForm = z.object({
  raterName: z.string().trim().min(1, "error.required").max(200, "error.tooLong"),
  raterEmail: z.string().trim().min(1, "error.required").pipe(z.email("error.email")).transform((value) => value.toLowerCase()),
  role: z.enum(referenceRoles, "error.choose"),
  frameworkId: z.string().min(1, "error.choose"),
  waived: z.preprocess((value) => value === "on", z.boolean()),
});

export const confirmationForm = z.object({
  name: z.string().trim().min(1, "error.required").max(200, "error.tooLong"),
  email: z.string().trim().min(1, "error.required").pipe(z.email("error.email")).transform((value) => value.toLowerCase()),
});
