import { assignExamRater } from "../../../src/commands/assign-exam-rater.ts";
import { recordExamPart2 } from "../../../src/commands/record-exam-scores.ts";
import { person, systemActor } from "../../../src/policies/actor.ts";
import { buildMember } from "../builders.ts";
import { buildApplicationApprovedForExam, buildExamRegistration, buildExamSitting, buildExamStaff, buildRatedExam, dayFromToday } from "../exam-builders.ts";
import { buildAllianceAssociation, runOrThrow } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** The exam: sittings, registrations, scores, raters, ratings and the result. */
export const examScenarios: Record<string, Scenario> = {
  "exam.sitting-created": async (app) => {
    const association = await buildAllianceAssociation(app);
    const staff = await buildExamStaff(app, association.id);
    const input = {
      associationId: association.id,
      day: dayFromToday(10),
      startsAt: "10:00",
      timeZone: "Europe/Madrid",
      mode: "in-person",
      place: "Room 2",
      capacity: 12,
    };
    return { actor: staff.actor, input };
  },
  "exam.registered": async (app) => {
    const association = await buildAllianceAssociation(app);
    const staff = await buildExamStaff(app, association.id);
    const approved = await buildApplicationApprovedForExam(app, { associationId: association.id });
    const sittingId = await buildExamSitting(app, staff.actor, association.id);
    return { actor: approved.actor, input: { applicationId: approved.applicationId, sittingId, accommodation: "Extra time, please." } };
  },
  "exam.accommodation-answered": async (app) => {
    const registration = await buildExamRegistration(app, { accommodation: "A quiet room." });
    const input = { associationId: registration.association.id, registrationId: registration.registrationId, answer: "Granted." };
    return { actor: registration.staff.actor, input };
  },
  "exam.part1-recorded": async (app) => {
    const registration = await buildExamRegistration(app);
    return {
      actor: registration.staff.actor,
      input: { associationId: registration.association.id, registrationId: registration.registrationId, part1Correct: 52 },
    };
  },
  "exam.part2-recorded": async (app) => {
    const registration = await buildExamRegistration(app);
    const input = { associationId: registration.association.id, registrationId: registration.registrationId, answers: "Vignette 2: ..." };
    return { actor: registration.staff.actor, input };
  },
  "exam.part2-file-recorded": async (app) => {
    const registration = await buildExamRegistration(app);
    const file = new TextEncoder().encode("%PDF-1.4\n% Part 2 scan\n%%EOF\n");
    return { actor: registration.staff.actor, input: { associationId: registration.association.id, registrationId: registration.registrationId, file } };
  },
  "exam.rater-assigned": async (app) => {
    const registration = await buildExamRegistration(app);
    const input = { associationId: registration.association.id, registrationId: registration.registrationId };
    await runOrThrow(app, recordExamPart2, registration.staff.actor, { ...input, answers: "Vignette 3: ..." });
    const rater = await buildMember(app.services.db, registration.association.id, "reviewer");
    return { actor: registration.staff.actor, input: { ...input, reviewer: rater.id } };
  },
  "exam.rating-submitted": async (app) => {
    const registration = await buildExamRegistration(app);
    const associationId = registration.association.id;
    const input = { associationId, registrationId: registration.registrationId };
    await runOrThrow(app, recordExamPart2, registration.staff.actor, { ...input, answers: "Vignette 1: ..." });
    const rater = await buildMember(app.services.db, associationId, "reviewer");
    const { ratingId } = await runOrThrow(app, assignExamRater, registration.staff.actor, { ...input, reviewer: rater.id });
    const actor = person(rater.id, [{ association_id: associationId, role: "reviewer" }]);
    return { actor, input: { ratingId, result: "pass", comments: "Sound.", hours: 1.5 } };
  },
  "exam.result-decided": async (app) => {
    const { registrationId } = await buildRatedExam(app, ["pass", "pass"]);
    return { actor: systemActor("exam-result"), input: { registrationId } };
  },
};
