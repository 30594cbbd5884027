import { z } from "zod";
import { credentialNumberPattern, publishableFields } from "../domain/credential-number.ts";
import { credentialStatuses, staffCredentialActions } from "../domain/staff-credential-actions.ts";
import { pageQuery } from "./list-filters.ts";

/** My credentials: which fields one credential's verification page shows (the boxes ticked; none ticked sends none). */
export const publishForm = z.object({
  credentialId: z.uuid({ error: "portfolio.notFound" }),
  fields: z
    .union([z.enum(publishableFields), z.array(z.enum(publishableFields))], { error: "error.choose" })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});

/** Why staff suspend, reinstate or revoke: kept in the status history and the audit log, and told to the holder. */
export const credentialActionReason = z.string().trim().min(1, "credentialAction.reasonRequired").max(2000, "error.tooLong");

/**
 * A staff action on a credential takes two posts: `ask` shows what it will do (nothing changes),
 * `confirm` carries the reason and does it.
 */
export const staffCredentialActionForm = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("ask"), action: z.enum(staffCredentialActions) }),
    z.object({ intent: z.literal("confirm"), action: z.enum(staffCredentialActions), reason: credentialActionReason }),
  ],
  { error: "error.unknownAction" },
);

/** The staff credentials list: one status, and a number or name to look for. */
export const staffCredentialsQuery = pageQuery.extend({ status: z.enum(credentialStatuses).optional(), search: z.string().trim().min(1).max(200).optional() });
export type StaffCredentialsQuery = z.output<typeof staffCredentialsQuery>;

/**
 * The number a visitor types to check a credential, as printed on a certificate: spaces dropped and
 * letters made capitals, so "sc-ifs-2026 0042" finds SC-IFS-2026-0042.
 */
export const credentialLookupQuery = z.object({
  number: z
    .string()
    .max(100, "verification.error.number")
    .transform((typed) => typed.replace(/\s+/g, "").toUpperCase())
    .pipe(z.string().regex(credentialNumberPattern, "verification.error.number")),
});

/** The public registry's lookup: a piece of a holder's name or of a number. */
export const registryQuery = pageQuery.extend({ search: z.string().trim().max(200, "error.tooLong").optional() });
export type RegistryQuery = z.output<typeof registryQuery>;
