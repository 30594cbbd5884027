import { z } from "zod";

/** What an association is made of, as commands take it (the form in src/forms/association-forms.ts turns typed text into this). */
export const associationInput = z.object({
  name: z.string().min(1).max(160),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "error.slug")
    .max(60),
  locale: z.enum(["en", "es"]),
  timeZone: z.string().min(1),
  contactEmail: z.email("error.email"),
  contactPhone: z.string().max(40).nullable(),
  website: z.string().max(500).nullable(),
  frameworks: z.array(z.string().max(100)).max(20),
});

export type AssociationInput = z.infer<typeof associationInput>;
