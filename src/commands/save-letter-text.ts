import { z } from "zod";
import { deleteLetterText, upsertLetterText } from "../data/letters.ts";
import { letterChoice, letterTextForm } from "../forms/decision-forms.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";

const association = z.object({ associationId: z.string() });

/** Staff word one kind of letter in one language their own way; the placeholders are checked by the form's schema. */
export const saveLetterText = defineCommand({
  name: "letter-text.saved",
  actors: ["person"],
  input: association.and(letterTextForm),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, input, now }) {
    await upsertLetterText(tx, input, now);
    return done({ type: "association", id: input.associationId, associationId: input.associationId }, null, { kind: input.kind, locale: input.locale });
  },
});

/** Back to Cradle's default wording of a kind of letter in a language. */
export const restoreLetterText = defineCommand({
  name: "letter-text.restored",
  actors: ["person"],
  input: association.and(letterChoice),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, input }) {
    if (!(await deleteLetterText(tx, input.associationId, input.kind, input.locale))) return unchanged(null);
    return done({ type: "association", id: input.associationId, associationId: input.associationId }, null, { kind: input.kind, locale: input.locale });
  },
});
