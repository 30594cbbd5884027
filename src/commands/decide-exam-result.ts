import { z } from "zod";
import { updateApplicationStatus } from "../data/applications.ts";
import { findAssociationById } from "../data/associations.ts";
import { findRegistrationForUpdate, listRatingsOfRegistrations, updateRegistration } from "../data/exams.ts";
import { approvalForRetake } from "../domain/decision-windows.ts";
import { type ExamResult, examResult, retakeAllowedFrom } from "../domain/exam-result.ts";
import { noticeMail } from "../mail/templates.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";
import { examRulesOf } from "./guards/exam-guards.ts";
import { assertApplicationTransition, lockApplication } from "./guards/lock-application.ts";
import { issueLetter } from "./shared/issue-letter.ts";

/**
 * Records a registration's result once the framework's rule settles it (Part 1 entered, Part 2's
 * ratings agreeing or a third deciding). Run by Cradle right after a score or rating makes it
 * settle, or by staff. Pass: the application stays in "exam" for staff's endorse decision, and
 * staff are told. Not yet: back to "approved for exam", for a retake after the waiting period, the
 * approval renewed to cover it.
 */
export const decideExamResult = defineCommand({
  name: "exam.result-decided",
  actors: ["person", "system"],
  input: z.object({ registrationId: z.string() }),
  async run(scope) {
    const { tx, actor, input, now, today, notify, mail, context } = scope;
    const registration = (await findRegistrationForUpdate(tx, input.registrationId)) ?? refuse({ form: "portfolio.notFound" });
    if (actor.kind === "person" && !associationPolicy.actAsStaff(actor, { id: registration.association_id })) refuse({ form: "portfolio.notFound" });
    if (registration.result !== null) return unchanged<{ result: ExamResult | null }>({ result: registration.result });
    const application = await lockApplication(tx, registration.application_id);
    // Decided otherwise meanwhile (deferred, withdrawn): the exam no longer decides anything.
    if (application.status !== "exam") refuse({ form: "error.notAllowedNow" });
    const rules = examRulesOf(context, application);
    const ratings = await listRatingsOfRegistrations(tx, [registration.id]);
    const result = examResult({ part1Correct: registration.part1_correct, part2Ratings: ratings.filter((rating) => rating.submitted_at !== null) }, rules);
    if (result === "pending" || result === "needs-third") {
      if (actor.kind === "person") refuse({ form: "exams.error.notSettled" });
      return unchanged<{ result: ExamResult | null }>({ result: null });
    }
    const association = (await findAssociationById(tx, application.association_id)) ?? refuse({ form: "portfolio.notFound" });
    const decidedOn = today(association.time_zone);
    await updateRegistration(tx, registration.id, { result, decided_on: decidedOn });
    const move = result === "not-yet" ? assertApplicationTransition(application, "approved-for-exam") : {};
    const retakeFrom = result === "not-yet" ? retakeAllowedFrom(decidedOn, rules) : null;
    const approvedUntil = retakeFrom ? approvalForRetake(application.exam_approved_until, retakeFrom) : application.exam_approved_until;
    if (result === "not-yet") await updateApplicationStatus(tx, application.id, "approved-for-exam", now, { exam_approved_until: approvedUntil });
    // The applicant hears of the result through its letter, in their language, by mail, in Messages and as a PDF.
    await issueLetter(scope, {
      applicationId: application.id,
      kind: result === "pass" ? "exam-pass" : "exam-not-yet",
      values: { until: approvedUntil ?? "", retake: retakeFrom ?? "" },
    });
    if (result === "pass") {
      // Staff decide the endorsement next: whoever set up the sitting hears in their inbox, and the association's contact address by mail, as with a recusal.
      const what = { key: "exams.notice.passedForStaff", values: { code: registration.exam_code } } as const;
      const path = `/a/${association.slug}/applications/${application.id}`;
      if (registration.created_by_user_id) await notify(registration.created_by_user_id, "exam-passed", what, path, association.locale);
      await mail({
        kind: "exam-passed",
        userId: null,
        to: association.contact_email,
        ...noticeMail(association.locale, association.name, what, `${context.baseUrl}${path}`),
      });
    }
    return done<{ result: ExamResult | null }>(
      { type: "application", id: application.id, associationId: application.association_id },
      { result },
      {
        ...move,
        registrationId: registration.id,
        result,
        ...(retakeFrom ? { retakeFrom } : {}),
      },
    );
  },
});
