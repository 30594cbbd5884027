import { z } from "zod";
import { sections } from "./portfolio-sections.ts";
import { categoryChoice } from "./application-forms.ts";

/** Where an advisor's comment sits: a portfolio section, the references, the written statement, or the portfolio as a whole. */
export const adviceSections = [...sections.map((section) => section.id), "references", "statement", "general"] as const;

/** An applicant asks for an advisory review toward a category, with an optional question for the advisor. */
export const advisoryRequestForm = z.object({
  choice: categoryChoice,
  question: z.string().trim().max(2000, "error.tooLong").default(""),
});

/** The advisor's page comments on one section, or completes the review with the hours it took. */
export const advisoryAction = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("comment"),
      section: z.enum(adviceSections, { error: "error.choose" }),
      body: z.string().trim().min(1, "error.required").max(4000, "error.tooLong"),
    }),
    z.object({
      intent: z.literal("complete"),
      hours: z.coerce.number({ error: "advisory.hoursInvalid" }).min(0.25, "advisory.hoursInvalid").max(40, "advisory.hoursInvalid"),
    }),
  ],
  { error: "error.unknownAction" },
);

/** Staff name the advisor of a requested advisory review. */
export const assignAdvisoryForm = z.object({
  advisoryReviewId: z.uuid({ error: "portfolio.notFound" }),
  advisor: z.uuid({ error: "error.choose" }),
});
