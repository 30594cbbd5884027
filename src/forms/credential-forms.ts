import { z } from "zod";
import { publishableFields } from "../domain/credential-number.ts";

/** My credentials: which fields one credential's verification page shows (the boxes ticked; none ticked sends none). */
export const publishForm = z.object({
  credentialId: z.uuid({ error: "portfolio.notFound" }),
  fields: z
    .union([z.enum(publishableFields), z.array(z.enum(publishableFields))], { error: "error.choose" })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});
