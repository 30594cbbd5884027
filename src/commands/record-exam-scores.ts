import { z } from "zod";
import { findApplicationForUpdate } from "../data/applications.ts";
import { listRatingsOfRegistrations, updateRegistration } from "../data/exams.ts";
import { part1Form, part2Form } from "../forms/exam-forms.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertStaffRegistration, examRulesOf } from "./guards/exam-guards.ts";

/** Staff enter Part 1's items correct, at most the framework's item count, until the result is decided. */
export const recordExamPart1 = defineCommand({
  name: "exam.part1-recorded",
  actors: ["person"],
  input: z.object({ associationId: z.uuid() }).and(part1Form),
  async run({ tx, actor, input, context }) {
    const registration = await assertStaffRegistration(tx, actor, input.registrationId, input.associationId);
    if (registration.result !== null) refuse({ part1Correct: "exams.error.decided" });
    const application = (await findApplicationForUpdate(tx, registration.application_id)) ?? refuse({ form: "portfolio.notFound" });
    if (input.part1Correct > examRulesOf(context, application).part1Items) refuse({ part1Correct: "exams.error.part1Max" });
    await updateRegistration(tx, registration.id, { part1_correct: input.part1Correct });
    return done({ type: "exam-registration", id: registration.id, associationId: input.associationId }, null, { part1Correct: input.part1Correct });
  },
});

/** Staff enter the examinee's Part 2 answers as written, before raters are assigned; they can be corrected until a rater is assigned. */
export const recordExamPart2 = defineCommand({
  name: "exam.part2-recorded",
  actors: ["person"],
  input: z.object({ associationId: z.uuid() }).and(part2Form),
  async run({ tx, actor, input }) {
    const registration = await assertStaffRegistration(tx, actor, input.registrationId, input.associationId);
    if (registration.result !== null) refuse({ answers: "exams.error.decided" });
    // Raters judge what they were given: once one is assigned, the answers stay as they are.
    if ((await listRatingsOfRegistrations(tx, [registration.id])).length > 0) refuse({ answers: "exams.error.ratersAssigned" });
    await updateRegistration(tx, registration.id, { part2_answers: input.answers });
    return done({ type: "exam-registration", id: registration.id, associationId: input.associationId }, null, { characters: input.answers.length });
  },
});
