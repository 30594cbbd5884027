import { randomInt } from "node:crypto";
import { z } from "zod";
import { updateApplicationStatus } from "../data/applications.ts";
import { findAssociationById } from "../data/associations.ts";
import { countRegistrations, findLatestResult, findSittingForUpdate, hasOpenRegistration, insertRegistration } from "../data/exams.ts";
import { retakeAllowedFrom } from "../domain/exam-result.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { examRulesOf } from "./guards/exam-guards.ts";
import { assertApplicationTransition, lockApplication } from "./guards/lock-application.ts";

// No 0/O or 1/I: a code read aloud or copied by hand stays the same code.
const codeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** The code raters know the examinee by: random, so nothing about the person or the order of registration shows in it. */
function newExamCode() {
  const characters = Array.from({ length: 8 }, () => codeAlphabet[randomInt(codeAlphabet.length)]);
  return `EX-${characters.slice(0, 4).join("")}-${characters.slice(4).join("")}`;
}

/**
 * An applicant approved to sit the exam takes a seat at one of the association's sittings (or
 * staff register them), within the approval window, while the sitting has seats, and after the
 * framework's waiting period when an earlier sitting ended "not yet". The application moves to "exam".
 */
export const registerForExam = defineCommand({
  name: "exam.registered",
  actors: ["person"],
  input: z.object({ applicationId: z.string(), sittingId: z.string(), accommodation: z.string().trim().min(1).max(2000).nullable() }),
  async run({ tx, actor, input, now, today, notify, context }) {
    const application = await lockApplication(tx, input.applicationId);
    const byStaff = application.user_id !== actor.userId;
    if (byStaff && !associationPolicy.actAsStaff(actor, { id: application.association_id })) refuse({ form: "portfolio.notFound" });
    const rules = examRulesOf(context, application);
    const sitting = await findSittingForUpdate(tx, input.sittingId);
    if (!sitting || sitting.association_id !== application.association_id) refuse({ sittingId: "exams.error.noSitting" });
    const association = (await findAssociationById(tx, application.association_id)) ?? refuse({ form: "portfolio.notFound" });
    const day = today(association.time_zone);
    if (await hasOpenRegistration(tx, application.id)) refuse({ sittingId: "exams.error.alreadyRegistered" });
    if (application.status !== "approved-for-exam") refuse({ form: "exams.error.notApproved" });
    if (application.exam_approved_until === null || application.exam_approved_until < day) refuse({ form: "exams.error.approvalExpired" });
    if (sitting.day < day) refuse({ sittingId: "exams.error.pastSitting" });
    const last = await findLatestResult(tx, application.id);
    if (last?.result === "not-yet" && last.decided_on && sitting.day < retakeAllowedFrom(last.decided_on, rules))
      refuse({ sittingId: "exams.error.retakeTooSoon" });
    if ((await countRegistrations(tx, sitting.id)) >= sitting.capacity) refuse({ sittingId: "exams.error.full" });
    const { id } = await insertRegistration(tx, {
      applicationId: application.id,
      sittingId: sitting.id,
      examCode: newExamCode(),
      accommodationRequest: input.accommodation,
    });
    const move = assertApplicationTransition(application, "exam");
    await updateApplicationStatus(tx, application.id, "exam", now);
    const when = { day: sitting.day, time: sitting.starts_at, zone: sitting.time_zone, place: sitting.place };
    await notify(
      application.user_id,
      "exam-registered",
      { key: "exams.notice.registered", values: when },
      `/applications/${application.id}`,
      association.locale,
    );
    return done(
      { type: "application", id: application.id, associationId: application.association_id },
      { registrationId: id },
      {
        ...move,
        registrationId: id,
        sittingId: sitting.id,
        byStaff,
      },
    );
  },
});
