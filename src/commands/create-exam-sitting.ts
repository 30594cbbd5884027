import { z } from "zod";
import { insertSitting } from "../data/exams.ts";
import { sittingForm } from "../forms/exam-forms.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/** Staff add a sitting of the endorsement exam: a day (today or later where it is held), a time in a time zone, online or at a place, seats. */
export const createExamSitting = defineCommand({
  name: "exam.sitting-created",
  actors: ["person"],
  input: z.object({ associationId: z.uuid() }).and(sittingForm),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, actor, input, today }) {
    if (input.day < today(input.timeZone)) refuse({ day: "exams.error.pastDay" });
    const { id } = await insertSitting(tx, { ...input, createdByUserId: actor.userId });
    return done(
      { type: "exam-sitting", id, associationId: input.associationId },
      { sittingId: id },
      { day: input.day, capacity: input.capacity, mode: input.mode },
    );
  },
});
