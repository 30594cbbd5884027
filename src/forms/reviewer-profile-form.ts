import { z } from "zod";

const isoDay = /\d{4}-\d{2}-\d{2}/g;
const day = z.iso.date("error.date");

/** Days away, typed one period a line ("2026-12-20 to 2026-12-31", or one day alone); any words between the dates are ignored, so both languages read the same. */
const periods = z
  .string()
  .max(2000, "error.tooLong")
  .transform((text, context) => {
    const found: Array<{ from: string; to: string }> = [];
    for (const line of text.split("\n").filter((row) => row.trim() !== "")) {
      const dates = line.match(isoDay) ?? [];
      const from = dates[0] ?? "";
      const to = dates[1] ?? from;
      if (dates.length === 0 || dates.length > 2 || !day.safeParse(from).success || !day.safeParse(to).success) {
        context.addIssue({ code: "custom", message: "reviewerProfile.error.period" });
        return z.NEVER;
      }
      if (to < from) {
        context.addIssue({ code: "custom", message: "error.endBeforeStart" });
        return z.NEVER;
      }
      found.push({ from, to });
    }
    return found;
  });

/** Staff's form for one reviewer (named by the address): the endorsement held (as "framework/category"), since when, the most open files, the days away. */
export const reviewerProfileForm = z.object({
  endorsement: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "error.choose"),
  heldSince: day,
  maxOpen: z.coerce.number("error.number").int("error.number").min(1, "error.tooSmall").max(50, "error.tooBig"),
  unavailable: z.string().default("").pipe(periods),
});
