import { z } from "zod";
import { findApplicationForUpdate } from "../data/applications.ts";
import { updateRegistration } from "../data/exams.ts";
import { accommodationAnswerForm } from "../forms/exam-forms.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertStaffRegistration } from "./guards/exam-guards.ts";

/** Staff answer an examinee's accommodation request; the examinee is told. */
export const answerExamAccommodation = defineCommand({
  name: "exam.accommodation-answered",
  actors: ["person"],
  input: z.object({ associationId: z.uuid() }).and(accommodationAnswerForm),
  async run({ tx, actor, input, notify }) {
    const registration = await assertStaffRegistration(tx, actor, input.registrationId, input.associationId);
    if (registration.accommodation_request === null) refuse({ answer: "exams.error.noRequest" });
    await updateRegistration(tx, registration.id, { accommodation_answer: input.answer });
    const application = (await findApplicationForUpdate(tx, registration.application_id)) ?? refuse({ form: "portfolio.notFound" });
    await notify(
      application.user_id,
      "exam-accommodation",
      { key: "exams.notice.accommodationAnswered", values: { answer: input.answer } },
      `/applications/${application.id}`,
    );
    return done({ type: "exam-registration", id: registration.id, associationId: input.associationId }, null);
  },
});
