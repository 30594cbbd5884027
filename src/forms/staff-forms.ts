import { z } from "zod";

const applicationId = z.string().min(1, "portfolio.notFound");

/** The staff applications page posts one of three things; anything else is refused, never guessed. */
export const staffApplicationAction = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("fee"), applicationId }),
    z.object({ intent: z.literal("transcripts"), applicationId }),
    z.object({ intent: z.literal("assign"), applicationId, reviewer: z.string().min(1, "error.choose") }),
  ],
  { error: "error.unknownAction" },
);

export const assignAdvisorForm = z.object({
  candidacyId: z.string().min(1, "portfolio.notFound"),
  advisorEmail: z.string().trim().min(1, "error.required").pipe(z.email("error.email")),
});
