import { z } from "zod";

import { timeZones } from "./time-zones.ts";
const optional = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .transform((value) => (value === "" ? null : value))
    .pipe(schema.nullable());

export const associationForm = z.object({
  name: z.string().trim().min(1, "error.required").max(160, "error.tooLong"),
  slug: z
    .string()
    .trim()
    .min(1, "error.required")
    .max(60, "error.tooLong")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "error.slug"),
  locale: z.enum(["en", "es"], "error.locale"),
  timeZone: z.string().refine((zone) => timeZones.has(zone) || zone === "UTC", "error.timeZone"),
  contactEmail: z.string().trim().min(1, "error.required").pipe(z.email("error.email")),
  contactPhone: optional(z.string().max(40, "error.tooLong")),
  website: optional(z.url({ protocol: /^https?$/, error: "error.url" })),
  frameworks: z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? (value as unknown[]) : [value]),
    z.array(z.string().max(100)),
  ),
});

export const grantRoleForm = z.object({
  email: z.string().trim().min(1, "error.required").pipe(z.email("error.email")),
  role: z.enum(["member", "reviewer", "staff", "admin"], "error.role"),
});

export const revokeRoleForm = z.object({
  userId: z.uuid("error.required"),
  role: z.enum(["member", "reviewer", "staff", "admin"], "error.role"),
});

/** The people page grants or revokes a role; anything else is refused. */
export const peopleAction = z.discriminatedUnion(
  "intent",
  [grantRoleForm.extend({ intent: z.literal("grant") }), revokeRoleForm.extend({ intent: z.literal("revoke") })],
  { error: "error.unknownAction" },
);
