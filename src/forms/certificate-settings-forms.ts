import { z } from "zod";

/** The association's LinkedIn organisation id as staff type it: the digits of its company page's id, or nothing. */
export const linkedInOrganizationForm = z.object({
  linkedinOrganizationId: z
    .string()
    .trim()
    .regex(/^\d{0,20}$/, "certificateSettings.error.linkedInId")
    .transform((value) => (value === "" ? null : value)),
});
