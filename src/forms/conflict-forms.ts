import { declaredConflictKinds } from "../domain/conflicts-of-interest.ts";
import { z } from "zod";

const declared = z.object({
  kind: z.enum(declaredConflictKinds, "error.choose"),
  value: z.string().trim().min(1, "error.required").max(254, "error.tooLong"),
  reason: z.string().trim().min(1, "error.required").max(1000, "error.tooLong"),
});

/** A reviewer's declaration as typed: an email must look like one; the rest is free text. */
export const declareConflictForm = declared.superRefine((form, issues) => {
  if (form.kind === "email" && !z.email().safeParse(form.value).success) issues.addIssue({ code: "custom", path: ["value"], message: "error.email" });
});

export const removeConflictForm = z.object({ conflictId: z.string().min(1, "portfolio.notFound") });

export const recuseForm = z.object({ reason: z.string().trim().min(1, "error.required").max(1000, "error.tooLong") });
