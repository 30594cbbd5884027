import { z } from "zod";
import type { MessageKey } from "../i18n/translate.ts";

/** "association|framework|category", as the category choice lists write it. */
export const categoryChoice = z
  .string()
  .regex(/^[^|]+\|[^|]+\|[^|]+$/, "error.choose")
  .transform((value) => {
    const [associationId = "", frameworkId = "", categoryId = ""] = value.split("|");
    return { associationId, frameworkId, categoryId };
  });

/** A box that must be ticked; its message says so in a tick box's words ("Tick this box to ..."). */
export const ticked = (message: MessageKey) => z.literal("on", { error: message }).transform(() => true);

/** /applications starts an application or enrols as a candidate; anything else is refused. */
export const applicationsAction = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("apply"), choice: categoryChoice }), z.object({ intent: z.literal("candidate"), choice: categoryChoice })],
  { error: "error.unknownAction" },
);

/** /applications/:id submits (with the attestation and the code of ethics), withdraws, or resubmits after a deferral. */
export const applicationAction = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("submit"), attest: ticked("application.tickAttest"), ethics: ticked("application.tickEthics") }),
    z.object({ intent: z.literal("withdraw") }),
    z.object({ intent: z.literal("resubmit") }),
  ],
  { error: "error.unknownAction" },
);
