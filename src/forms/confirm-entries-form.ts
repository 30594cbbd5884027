import { z } from "zod";
import { type ParsedForm, parseForm } from "./parse-form.ts";

export type EntryAnswer = { entryId: string; confirmed: boolean; comment: string };

/** The names of one entry's inputs on the provider's page. */
export const answerField = (entryId: string) => `answer-${entryId}`;
export const noteField = (entryId: string) => `note-${entryId}`;

/**
 * The provider's answers to the entries their link lists: "all" confirms every one; "each" needs
 * a choice per entry and, for one that is not right, a note saying what (the applicant corrects it
 * from that). Any other intent or answer is refused, never taken for a no.
 */
export function parseEntryAnswers(form: FormData, entryIds: readonly string[]): ParsedForm<EntryAnswer[]> {
  const perEntry: Record<string, z.ZodType<string | undefined>> = Object.fromEntries(
    entryIds.flatMap((id): Array<[string, z.ZodType<string | undefined>]> => [
      [answerField(id), z.enum(["yes", "no"], "error.choose")],
      [noteField(id), z.string().trim().max(2000, "error.tooLong").optional()],
    ]),
  );
  const confirmAll = z.object({ intent: z.literal("all") }).transform(() => entryIds.map((entryId) => ({ entryId, confirmed: true, comment: "" })));
  const answerEach = z
    .object({ intent: z.literal("each"), ...perEntry })
    .superRefine((values, context) => {
      const fields = values as Record<string, string | undefined>;
      for (const id of entryIds) {
        if (fields[answerField(id)] === "no" && !fields[noteField(id)])
          context.addIssue({ code: "custom", path: [noteField(id)], message: "confirmEntries.noteRequired" });
      }
    })
    .transform((values) => {
      const fields = values as Record<string, string | undefined>;
      return entryIds.map((entryId) => ({ entryId, confirmed: fields[answerField(entryId)] === "yes", comment: fields[noteField(entryId)] ?? "" }));
    });
  const intent = form.get("intent");
  if (intent !== "all" && intent !== "each") return { ok: false, errors: { form: "error.unknownAction" }, values: {} };
  return intent === "all" ? parseForm(confirmAll, form) : parseForm(answerEach, form);
}
