import { z } from "zod";

/** "association|framework|category", as the category choice lists write it. */
const categoryChoice = z
  .string()
  .regex(/^[^|]+\|[^|]+\|[^|]+$/, "error.choose")
  .transform((value) => {
    const [associationId = "", frameworkId = "", categoryId = ""] = value.split("|");
    return { associationId, frameworkId, categoryId };
  });

const tickBox = z
  .string()
  .optional()
  .transform((value) => value === "on");

/** /applications starts an application or enrols as a candidate; anything else is refused. */
export const applicationsAction = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("apply"), choice: categoryChoice }), z.object({ intent: z.literal("candidate"), choice: categoryChoice })],
  { error: "error.unknownAction" },
);

/** /applications/:id submits (with the attestation and the code of ethics) or withdraws. */
export const applicationAction = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("submit"), attest: tickBox, ethics: tickBox }), z.object({ intent: z.literal("withdraw") })],
  { error: "error.unknownAction" },
);
