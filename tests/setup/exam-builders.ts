import { expect } from "vitest";
import { assignExamRater } from "../../src/commands/assign-exam-rater.ts";
import { assignReviewer } from "../../src/commands/assign-reviewer.ts";
import { decideApplication } from "../../src/commands/decide-application.ts";
import { runCommand } from "../../src/commands/define-command.ts";
import { createExamSitting } from "../../src/commands/create-exam-sitting.ts";
import { recordExamPart1, recordExamPart2 } from "../../src/commands/record-exam-scores.ts";
import { registerForExam } from "../../src/commands/register-for-exam.ts";
import { startApplication } from "../../src/commands/start-application.ts";
import { submitApplication } from "../../src/commands/submit-application.ts";
import { submitExamRating } from "../../src/commands/submit-exam-rating.ts";
import { addMonths, toDay, toIso, today } from "../../src/domain/dates.ts";
import type { ExamResult } from "../../src/domain/exam-result.ts";
import { person, type SessionActor } from "../../src/policies/actor.ts";
import type { RunningCradle } from "../../src/server/start-cradle.ts";
import { buildMember } from "./builders.ts";
import { buildAllianceAssociation, buildApplicant, buildStaffAndReviewer, commandsOf, runOrThrow } from "./state-builders.ts";

type App = Pick<RunningCradle, "services">;

/** A day counted from today where the test associations are (America/New_York): days, and months on top. */
export function dayFromToday(days: number, months = 0) {
  return toIso(addMonths(toDay(today("America/New_York", new Date())), months) + days);
}

/**
 * A submitted IMHS application (its frozen file, from the IFS example portfolio) approved to sit the
 * exam until `until` (a year from today unless given): staff assign a reviewer and decide
 * approve-for-exam, on the day a year before `until`.
 */
export async function buildApplicationApprovedForExam(app: App, options: { associationId?: string; name?: string; until?: string } = {}) {
  const applicant = await buildApplicant(app, { meets: "ifs", ...options });
  const { applicationId } = await runOrThrow(app, startApplication, applicant.actor, {
    associationId: applicant.associationId,
    frameworkId: "alliance-iecmh-e",
    categoryId: "imhs",
  });
  await runOrThrow(app, submitApplication, applicant.actor, { applicationId, attests: true, signsEthics: true });
  const { staff, reviewer } = await buildStaffAndReviewer(app, applicant.associationId);
  const associationId = applicant.associationId;
  await runOrThrow(app, assignReviewer, staff.actor, { associationId, associationSlug: "any", applicationId, reviewerUserId: reviewer.user.id });
  const decidedOn = toIso(addMonths(toDay(options.until ?? dayFromToday(0, 12)), -12));
  const decided = await runCommand(
    commandsOf(app, () => new Date(`${decidedOn}T16:00:00Z`)),
    decideApplication,
    staff.actor,
    {
      associationId,
      applicationId,
      outcome: "approve-for-exam",
      feedback: "",
      expectedStatus: "in-review",
      expectedVersion: 1,
    },
  );
  expect(decided).toMatchObject({ ok: true });
  return { ...applicant, applicationId };
}

export async function buildExamStaff(app: App, associationId: string) {
  const user = await buildMember(app.services.db, associationId, "staff");
  return { user, actor: person(user.id, [{ association_id: associationId, role: "staff" }]) };
}

export async function buildExamSitting(app: App, staff: SessionActor, associationId: string, options: { day?: string; capacity?: number } = {}) {
  const { sittingId } = await runOrThrow(app, createExamSitting, staff, {
    associationId,
    day: options.day ?? dayFromToday(30),
    startsAt: "09:30",
    timeZone: "America/New_York",
    mode: "online",
    place: "https://meet.example.org/exam",
    capacity: options.capacity ?? 10,
  });
  return sittingId;
}

/** An approved applicant registered for a new sitting of a new association, with its staff. */
export async function buildExamRegistration(app: App, options: { accommodation?: string } = {}) {
  const association = await buildAllianceAssociation(app);
  const staff = await buildExamStaff(app, association.id);
  const approved = await buildApplicationApprovedForExam(app, { associationId: association.id });
  const sittingId = await buildExamSitting(app, staff.actor, association.id);
  const { registrationId } = await runOrThrow(app, registerForExam, approved.actor, {
    applicationId: approved.applicationId,
    sittingId,
    accommodation: options.accommodation ?? null,
  });
  return { association, staff, approved, sittingId, registrationId };
}

/** A registration with Part 1 and Part 2 entered and one rater per result given, each having submitted it; the result not yet recorded. */
export async function buildRatedExam(app: App, results: readonly ExamResult[], part1Correct = 50) {
  const registration = await buildExamRegistration(app);
  const associationId = registration.association.id;
  const input = { associationId, registrationId: registration.registrationId };
  await runOrThrow(app, recordExamPart1, registration.staff.actor, { ...input, part1Correct });
  await runOrThrow(app, recordExamPart2, registration.staff.actor, { ...input, answers: "Vignette 1: the relationship comes first." });
  for (const result of results) {
    const rater = await buildMember(app.services.db, associationId, "reviewer");
    const { ratingId } = await runOrThrow(app, assignExamRater, registration.staff.actor, { ...input, reviewer: rater.id });
    await runOrThrow(app, submitExamRating, person(rater.id, [{ association_id: associationId, role: "reviewer" }]), {
      ratingId,
      result,
      comments: "Clear, relationship-based answers.",
      hours: 2,
    });
  }
  return registration;
}
