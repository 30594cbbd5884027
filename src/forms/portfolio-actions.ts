import { z } from "zod";

/** The statement's text as sent; the command checks it (blank, too long), so the page can keep it as a draft. */
const sentText = z
  .string()
  .optional()
  .transform((value) => value ?? "");

/** An entry's form saves it, keeps a draft (autosave) or throws the draft away; anything else is refused. The entry's fields are parsed by its section. */
export const portfolioEntryAction = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("save") }), z.object({ intent: z.literal("autosave") }), z.object({ intent: z.literal("discard") })],
  {
    error: "error.unknownAction",
  },
);

/** The personal statement is saved or autosaved as a draft; anything else is refused. */
export const statementAction = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("save"), text: sentText }), z.object({ intent: z.literal("autosave"), text: sentText })],
  {
    error: "error.unknownAction",
  },
);

/**
 * The portfolio page deletes an entry, puts the one deleted last back (undo), or marks an advisor's
 * comment done or not done; anything else (or nothing said) is refused, never taken for a delete.
 */
export const portfolioAction = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("delete"), section: z.string().min(1, "portfolio.notFound"), entryId: z.string().min(1, "portfolio.notFound") }),
    z.object({ intent: z.literal("undo"), section: z.string().min(1, "portfolio.notFound") }),
    z.object({ intent: z.literal("advice"), commentId: z.uuid({ error: "portfolio.notFound" }), done: z.enum(["yes", "no"]) }),
  ],
  {
    error: "error.unknownAction",
  },
);

/** My progress marks a category as one the person works toward ("target", value "framework/category"), or stops ("untarget"). */
export const progressAction = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("target"), category: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "portfolio.notFound") }),
    z.object({ intent: z.literal("untarget"), category: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "portfolio.notFound") }),
  ],
  {
    error: "error.unknownAction",
  },
);
