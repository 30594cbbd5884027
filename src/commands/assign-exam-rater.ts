import { z } from "zod";
import { findApplicationForUpdate } from "../data/applications.ts";
import { listRolesOfUserInAssociation } from "../data/association-roles.ts";
import { insertRating, listRatingsOfRegistrations } from "../data/exams.ts";
import { part2Result, type RatingRound } from "../domain/exam-result.ts";
import { assignRaterForm } from "../forms/exam-forms.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertStaffRegistration } from "./guards/exam-guards.ts";
import { assertNoConflict } from "./guards/reviewer-conflicts.ts";

/**
 * Staff give a registration's Part 2 to one of the association's reviewers to rate: the first and
 * second rounds, and a third only when the first two differ. Never the examinee, nor a reviewer
 * with a conflict of interest in the application. The rater is told only the exam code.
 */
export const assignExamRater = defineCommand({
  name: "exam.rater-assigned",
  actors: ["person"],
  input: z.object({ associationId: z.uuid() }).and(assignRaterForm),
  async run({ tx, actor, input, notify }) {
    const registration = await assertStaffRegistration(tx, actor, input.registrationId, input.associationId);
    if (registration.result !== null) refuse({ reviewer: "exams.error.decided" });
    if (registration.part2_answers === null && registration.part2_file_sha256 === null) refuse({ reviewer: "exams.error.noAnswers" });
    const application = (await findApplicationForUpdate(tx, registration.application_id)) ?? refuse({ form: "portfolio.notFound" });
    if (input.reviewer === application.user_id) refuse({ reviewer: "exams.error.ownExam" });
    if (!(await listRolesOfUserInAssociation(tx, input.reviewer, input.associationId)).includes("reviewer")) refuse({ reviewer: "review.notReviewer" });
    await assertNoConflict(tx, application, input.reviewer);
    const ratings = await listRatingsOfRegistrations(tx, [registration.id]);
    if (ratings.some((rating) => rating.rater_user_id === input.reviewer)) refuse({ reviewer: "exams.error.alreadyRater" });
    const round = nextRound(ratings);
    if (!round) refuse({ reviewer: "exams.error.noRaterNeeded" });
    const ratingId =
      (await insertRating(tx, { registrationId: registration.id, raterUserId: input.reviewer, round, assignedByUserId: actor.userId })) ??
      refuse({ reviewer: "exams.error.noRaterNeeded" });
    await notify(
      input.reviewer,
      "exam-rater-assigned",
      { key: "exams.notice.raterAssigned", values: { code: registration.exam_code } },
      `/exam-ratings/${ratingId}`,
    );
    return done(
      { type: "exam-registration", id: registration.id, associationId: input.associationId },
      { ratingId },
      { ratingId, raterUserId: input.reviewer, round },
    );
  },
});

/** The round a new rater takes: first, second, then a third only when the two submitted ratings differ. */
function nextRound(ratings: ReadonlyArray<{ round: RatingRound; result: "pass" | "not-yet" | null }>): RatingRound | undefined {
  const has = (round: RatingRound) => ratings.some((rating) => rating.round === round);
  if (!has("first")) return "first";
  if (!has("second")) return "second";
  return !has("third") && part2Result(ratings) === "needs-third" ? "third" : undefined;
}
