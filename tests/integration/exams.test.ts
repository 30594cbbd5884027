import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/define-command.ts";
import { registerForExam } from "../../src/commands/register-for-exam.ts";
import { hasPassedExam } from "../../src/data/exams.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { approvalForRetake } from "../../src/domain/decision-windows.ts";
import { retakeAllowedFrom } from "../../src/domain/exam-result.ts";
import { buildMember } from "../setup/builders.ts";
import { buildApplicationApprovedForExam, buildExamSitting, buildExamStaff, buildRatedExam, dayFromToday } from "../setup/exam-builders.ts";
import { buildAllianceAssociation, commandsOf } from "../setup/state-builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);
const { db } = app.services;

async function examAssociation() {
  const association = await buildAllianceAssociation(app);
  const staff = await buildExamStaff(app, association.id);
  const staffClient = await app.clientAs(staff.user.id);
  const raters = await Promise.all(["Rae One", "Rob Two", "Ria Three"].map((name) => buildMember(db, association.id, "reviewer", { name })));
  return { association, staff, staffClient, raters, sittings: `/a/${association.slug}/exams` };
}

const statusOf = async (applicationId: string) =>
  (await db.selectFrom("applications").select("status").where("id", "=", applicationId).executeTakeFirstOrThrow()).status;
const registrationOf = (applicationId: string) =>
  db.selectFrom("exam_registrations").selectAll().where("application_id", "=", applicationId).orderBy("created_at", "desc").executeTakeFirstOrThrow();

/** An approved applicant (with a recognisable name) signed in, registered through their application page for the sitting. */
async function registered(associationId: string, sittingId: string, name: string) {
  const approved = await buildApplicationApprovedForExam(app, { associationId, name });
  const client = await app.clientAs(approved.user.id);
  const page = await client.post(`/applications/${approved.applicationId}`, { intent: "register-exam", sittingId, accommodation: "" });
  expect(page.status).toBe(200);
  return { ...approved, client, registration: await registrationOf(approved.applicationId) };
}

/** Staff enter both parts and assign raters; each rater submits through their page. */
async function rateThroughPages(
  setup: Awaited<ReturnType<typeof examAssociation>>,
  sittingId: string,
  registrationId: string,
  part1Correct: string,
  results: Array<"pass" | "not-yet">,
) {
  const page = `${setup.sittings}/${sittingId}?registration=${registrationId}`;
  expect((await setup.staffClient.post(page, { intent: "part1", registrationId, part1Correct })).status).toBe(200);
  expect(
    (await setup.staffClient.post(page, { intent: "part2", registrationId, answers: "I would first ask the parent how the nights have been." })).status,
  ).toBe(200);
  const ratingIds: string[] = [];
  for (const [index, result] of results.entries()) {
    const rater = setup.raters[index]!;
    expect((await setup.staffClient.post(page, { intent: "assign", registrationId, reviewer: rater.id })).status).toBe(200);
    const rating = await db
      .selectFrom("exam_ratings")
      .select("id")
      .where("registration_id", "=", registrationId)
      .where("rater_user_id", "=", rater.id)
      .executeTakeFirstOrThrow();
    ratingIds.push(rating.id);
    const client = await app.clientAs(rater.id);
    const submitted = await client.post(`/exam-ratings/${rating.id}`, { result, comments: `Rater ${index + 1} thinks ${result}.`, hours: "1.5" });
    expect(submitted.status).toBe(200);
  }
  return ratingIds;
}

describe("exam sittings", () => {
  it("staff create a sitting; each bad value is refused next to its field and what was typed is kept", async () => {
    const { staffClient, sittings } = await examAssociation();
    const bad = await staffClient.post(sittings, {
      day: dayFromToday(5),
      startsAt: "25:00",
      timeZone: "Mars/Olympus",
      mode: "online",
      place: "Zoom Room 7",
      capacity: "0",
    });
    expect(bad.status).toBe(400);
    for (const field of ["startsAt", "timeZone", "capacity"]) expect(bad.text).toContain(`id="error-${field}"`);
    expect(bad.text).toContain("A sitting needs at least 1 seat.");
    expect(bad.text).toContain('value="Zoom Room 7"');
    const past = await staffClient.post(sittings, {
      day: dayFromToday(-1),
      startsAt: "09:00",
      timeZone: "America/New_York",
      mode: "online",
      place: "Zoom",
      capacity: "5",
    });
    expect(past.status).toBe(400);
    expect(past.text).toContain('id="error-day"');
    expect(past.text).toContain("Choose today or a later date.");

    const created = await staffClient.post(sittings, {
      day: dayFromToday(20),
      startsAt: "09:00",
      timeZone: "America/Chicago",
      mode: "in-person",
      place: "Hall B",
      capacity: "5",
    });
    expect(created.status).toBe(302);
    const list = await staffClient.get(sittings);
    expect(list.text).toContain(`${dayFromToday(20)} at 09:00 (America/Chicago)`);
    expect(list.text).toContain("0 of 5 seats taken");
  });

  it("an approved applicant registers within the window; a full sitting, a second registration and an ended approval are refused", async () => {
    const { association, staff, staffClient, sittings } = await examAssociation();
    const sittingId = await buildExamSitting(app, staff.actor, association.id, { capacity: 1 });
    const first = await buildApplicationApprovedForExam(app, { associationId: association.id, name: "Fiona First" });
    const client = await app.clientAs(first.user.id);
    const page = await client.get(`/applications/${first.applicationId}`);
    expect(page.text).toContain("You are approved to sit the exam until");
    const done = await client.post(`/applications/${first.applicationId}`, { intent: "register-exam", sittingId, accommodation: "Large print, please." });
    expect(done.status).toBe(200);
    expect(done.text).toContain("You are registered for the exam.");
    expect(await statusOf(first.applicationId)).toBe("exam");
    await inbox.waitFor((mail) => mail.to.includes(first.user.email) && mail.text.includes("You are registered for the endorsement exam"));
    const again = await client.post(`/applications/${first.applicationId}`, { intent: "register-exam", sittingId, accommodation: "" });
    expect(again.status).toBe(400);
    expect(again.text).toContain("already registered for a sitting whose result is not decided");

    const second = await buildApplicationApprovedForExam(app, { associationId: association.id });
    const full = await (
      await app.clientAs(second.user.id)
    ).post(`/applications/${second.applicationId}`, { intent: "register-exam", sittingId, accommodation: "" });
    expect(full.status).toBe(400);
    expect(full.text).toContain("This sitting is full.");
    expect(await statusOf(second.applicationId)).toBe("approved-for-exam");

    const lapsed = await buildApplicationApprovedForExam(app, { associationId: association.id, until: dayFromToday(-1) });
    const lapsedClient = await app.clientAs(lapsed.user.id);
    expect((await lapsedClient.get(`/applications/${lapsed.applicationId}`)).text).toContain(`Your approval to sit the exam ended on ${dayFromToday(-1)}`);
    const open = await buildExamSitting(app, staff.actor, association.id);
    const refused = await lapsedClient.post(`/applications/${lapsed.applicationId}`, { intent: "register-exam", sittingId: open, accommodation: "" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("The approval to sit the exam has ended");

    // Staff see the accommodation request and answer it; the applicant is told.
    const registration = await registrationOf(first.applicationId);
    const roster = `${sittings}/${sittingId}?registration=${registration.id}`;
    expect((await staffClient.get(roster)).text).toContain("Accommodation requested: Large print, please.");
    expect((await staffClient.post(roster, { intent: "answer", registrationId: registration.id, answer: "Granted: 18-point print." })).status).toBe(200);
    await inbox.waitFor((mail) => mail.to.includes(first.user.email) && mail.text.includes("Granted: 18-point print."));
  });

  it("two applicants taking the last seat at once: one gets it, the other is told the sitting is full", async () => {
    const { association, staff } = await examAssociation();
    const sittingId = await buildExamSitting(app, staff.actor, association.id, { capacity: 1 });
    const applicants = await Promise.all([1, 2].map(() => buildApplicationApprovedForExam(app, { associationId: association.id })));
    const results = await Promise.all(
      applicants.map((applicant) =>
        runCommand(commandsOf(app), registerForExam, applicant.actor, { applicationId: applicant.applicationId, sittingId, accommodation: null }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, errors: { sittingId: "exams.error.full" } });
    const seats = await db.selectFrom("exam_registrations").select("id").where("sitting_id", "=", sittingId).execute();
    expect(seats).toHaveLength(1);
  });

  it("staff register an approved applicant with an accommodation request; the applicant reads it in Spanish", async () => {
    const { association, staff, staffClient, sittings } = await examAssociation();
    const sittingId = await buildExamSitting(app, staff.actor, association.id);
    const approved = await buildApplicationApprovedForExam(app, { associationId: association.id, name: "Sofía Registrada" });
    const roster = `${sittings}/${sittingId}`;
    expect((await staffClient.get(roster)).text).toContain(`<option value="${approved.applicationId}">Sofía Registrada</option>`);
    const done = await staffClient.post(roster, { intent: "register", applicationId: approved.applicationId, accommodation: "Lectora de pantalla." });
    expect(done.status).toBe(200);
    expect(done.text).toContain("Sofía Registrada · Exam code EX-");
    expect(await statusOf(approved.applicationId)).toBe("exam");
    const registration = await registrationOf(approved.applicationId);
    expect(registration.accommodation_request).toBe("Lectora de pantalla.");

    const client = await app.clientAs(approved.user.id);
    await client.post("/language", { locale: "es" });
    const page = await client.get(`/applications/${approved.applicationId}`);
    expect(page.text).toContain("Examen de acreditación");
    expect(page.text).toContain("a las 09:30 (America/New_York)");
    expect(page.text).toContain("Resultado: pendiente");
  });

  it("Part 1 takes a whole number from 0 to the framework's 60 items, with the error next to the field", async () => {
    const setup = await examAssociation();
    const sittingId = await buildExamSitting(app, setup.staff.actor, setup.association.id);
    const { registration } = await registered(setup.association.id, sittingId, "Pat Partone");
    const page = `${setup.sittings}/${sittingId}?registration=${registration.id}`;
    for (const typed of ["61", "4.5", "-1", "many"]) {
      const refused = await setup.staffClient.post(page, { intent: "part1", registrationId: registration.id, part1Correct: typed });
      expect(refused.status, typed).toBe(400);
      expect(refused.text).toContain('id="error-part1Correct"');
      expect(refused.text).toContain(`value="${typed}"`);
    }
    expect((await setup.staffClient.post(page, { intent: "part1", registrationId: registration.id, part1Correct: "48" })).status).toBe(200);
    expect((await registrationOf(registration.application_id)).part1_correct).toBe(48);
  });
});

describe("blind rating and the result", () => {
  it("two raters who agree settle the result; raters see only the exam code, in pages and mail; hours are credited", async () => {
    const setup = await examAssociation();
    const sittingId = await buildExamSitting(app, setup.staff.actor, setup.association.id);
    const examinee = await registered(setup.association.id, sittingId, "Xiomara Examinee");
    const [firstRating, secondRating] = await rateThroughPages(setup, sittingId, examinee.registration.id, "50", ["pass", "pass"]);

    const decided = await registrationOf(examinee.applicationId);
    expect(decided.result).toBe("pass");
    expect(await statusOf(examinee.applicationId)).toBe("exam");
    expect(await hasPassedExam(db, examinee.applicationId)).toBe(true);
    await inbox.waitFor((mail) => mail.to.includes(examinee.user.email) && mail.text.includes("You passed the endorsement exam."));
    // The result is the exam-pass letter, kept for the application page as a PDF.
    const letters = await db.selectFrom("letters").select("kind").where("application_id", "=", examinee.applicationId).execute();
    expect(letters).toContainEqual({ kind: "exam-pass" });
    await inbox.waitFor((mail) => mail.to.includes(setup.association.contact_email) && mail.text.includes(`Exam ${decided.exam_code} was passed.`));
    await inbox.waitFor((mail) => mail.to.includes(setup.staff.user.email) && mail.text.includes(`Exam ${decided.exam_code} was passed.`));

    // What raters see and receive names no one.
    const identity = [examinee.user.name, examinee.user.email, examinee.applicationId, examinee.user.id];
    const rater = await app.clientAs(setup.raters[0]!.id);
    const raterMail = await inbox.waitFor((mail) => mail.to.includes(setup.raters[0]!.email) && mail.text.includes(decided.exam_code));
    const pages = [await rater.get("/exam-ratings"), await rater.get(`/exam-ratings/${firstRating}`)];
    expect(pages[1]!.text).toContain(decided.exam_code);
    expect(pages[1]!.text).toContain("I would first ask the parent how the nights have been.");
    for (const text of [...pages.map((page) => page.text), raterMail.text, raterMail.subject, raterMail.html])
      for (const secret of identity) expect(text).not.toContain(secret);
    // Nor another rater's judgement.
    expect(pages[1]!.text).not.toContain("Rater 2 thinks");

    // Someone not assigned (another reviewer, the other rater for this rating) gets 404.
    expect((await rater.get(`/exam-ratings/${secondRating}`)).status).toBe(404);
    expect((await (await app.clientAs(setup.raters[2]!.id)).get(`/exam-ratings/${firstRating}`)).status).toBe(404);

    const { portfolio } = await findPortfolio(db, setup.raters[0]!.id);
    expect(portfolio.reviewerHours).toEqual([expect.objectContaining({ id: `service-exam-rating-${firstRating}`, hours: 1.5, role: "exam-reviewer" })]);

    // The audit trail of ratings carries ids, never who the examinee is.
    const audit = await db.selectFrom("audit_log").select(["action", "details"]).where("action", "like", "exam.%").execute();
    for (const entry of audit) for (const secret of [examinee.user.name, examinee.user.email]) expect(JSON.stringify(entry.details)).not.toContain(secret);
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(["exam.rating-submitted", "exam.result-decided", "exam.rater-assigned"]));
  });

  it("when the two raters differ a third decides; 'not yet' returns the application to approved and a retake waits the framework's period", async () => {
    const setup = await examAssociation();
    const sittingId = await buildExamSitting(app, setup.staff.actor, setup.association.id);
    const examinee = await registered(setup.association.id, sittingId, "Nadia Notyet");
    const page = `${setup.sittings}/${sittingId}?registration=${examinee.registration.id}`;
    await rateThroughPages(setup, sittingId, examinee.registration.id, "55", ["pass", "not-yet"]);
    expect((await registrationOf(examinee.applicationId)).result).toBeNull();
    expect((await setup.staffClient.get(page)).text).toContain("The two raters differ: assign a third rater");

    const third = setup.raters[2]!;
    expect((await setup.staffClient.post(page, { intent: "assign", registrationId: examinee.registration.id, reviewer: third.id })).status).toBe(200);
    const rating = await db.selectFrom("exam_ratings").select("id").where("rater_user_id", "=", third.id).executeTakeFirstOrThrow();
    const thirdClient = await app.clientAs(third.id);
    const thirdPage = await thirdClient.get(`/exam-ratings/${rating.id}`);
    expect(thirdPage.text).toContain("The first two raters differed.");
    expect(thirdPage.text).not.toContain("Rater 1 thinks");
    expect(thirdPage.text).not.toContain(setup.raters[0]!.name);
    expect((await thirdClient.post(`/exam-ratings/${rating.id}`, { result: "not-yet", comments: "Not yet there.", hours: "2" })).status).toBe(200);

    const decided = await registrationOf(examinee.applicationId);
    expect(decided.result).toBe("not-yet");
    expect(await statusOf(examinee.applicationId)).toBe("approved-for-exam");
    const retakeFrom = retakeAllowedFrom(decided.decided_on!, { retakeAfterMonths: 12 });
    // The approval now runs a year from the day the retake opens.
    const { exam_approved_until } = await db
      .selectFrom("applications")
      .select("exam_approved_until")
      .where("id", "=", examinee.applicationId)
      .executeTakeFirstOrThrow();
    expect(exam_approved_until).toBe(approvalForRetake(null, retakeFrom));
    expect(exam_approved_until! > retakeFrom).toBe(true);
    await inbox.waitFor((mail) => mail.to.includes(examinee.user.email) && mail.text.includes(`again from ${retakeFrom}`));
    expect(await db.selectFrom("letters").select("kind").where("application_id", "=", examinee.applicationId).execute()).toContainEqual({
      kind: "exam-not-yet",
    });

    const tooSoon = await buildExamSitting(app, setup.staff.actor, setup.association.id, { day: dayFromToday(40) });
    const application = `/applications/${examinee.applicationId}`;
    expect((await examinee.client.get(application)).text).toContain(`You may sit the exam again from ${retakeFrom}.`);
    const refused = await examinee.client.post(application, { intent: "register-exam", sittingId: tooSoon, accommodation: "" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("only after the waiting period");
    const later = await buildExamSitting(app, setup.staff.actor, setup.association.id, { day: dayFromToday(1, 12) });
    expect((await examinee.client.post(application, { intent: "register-exam", sittingId: later, accommodation: "" })).status).toBe(200);
    expect(await statusOf(examinee.applicationId)).toBe("exam");
  });
});

describe("recording the result by hand", () => {
  it("staff record a result the rule has settled (should Cradle not have), but not one still pending", async () => {
    const rated = await buildRatedExam(app, ["pass", "pass"], 40);
    const client = await app.clientAs(rated.staff.user.id);
    const page = `/a/${rated.association.slug}/exams/${rated.sittingId}?registration=${rated.registrationId}`;
    expect((await client.get(page)).text).toContain("Record the result");
    expect((await client.post(page, { intent: "decide", registrationId: rated.registrationId })).status).toBe(200);
    expect((await registrationOf(rated.approved.applicationId)).result).toBe("not-yet");
    expect(await statusOf(rated.approved.applicationId)).toBe("approved-for-exam");

    const pending = await buildRatedExam(app, ["pass"]);
    const pendingClient = await app.clientAs(pending.staff.user.id);
    const pendingPage = `/a/${pending.association.slug}/exams/${pending.sittingId}?registration=${pending.registrationId}`;
    const refused = await pendingClient.post(pendingPage, { intent: "decide", registrationId: pending.registrationId });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("The result cannot be decided yet");
  });
});

describe("raters with a conflict of interest", () => {
  it("are not offered, and assigning one anyway is refused with the reason", async () => {
    const setup = await examAssociation();
    const sittingId = await buildExamSitting(app, setup.staff.actor, setup.association.id);
    const examinee = await registered(setup.association.id, sittingId, "Connie Conflicted");
    const registrationId = examinee.registration.id;
    const page = `${setup.sittings}/${sittingId}?registration=${registrationId}`;
    await setup.staffClient.post(page, { intent: "part2", registrationId, answers: "Answers." });
    const declaring = setup.raters[0]!;
    const declared = await (
      await app.clientAs(declaring.id)
    ).post(`/a/${setup.association.slug}/conflicts`, {
      intent: "declare",
      kind: "email",
      value: examinee.user.email,
      reason: "We work together.",
    });
    expect(declared.status).toBe(200);
    const roster = await setup.staffClient.get(page);
    const offered = [...roster.text.matchAll(/<option value="([^"]+)">/g)].map((match) => match[1]);
    expect(offered).toContain(setup.raters[1]!.id);
    expect(offered).not.toContain(declaring.id);
    const refused = await setup.staffClient.post(page, { intent: "assign", registrationId, reviewer: declaring.id });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("This reviewer declared a conflict of interest with the applicant&#x27;s email address.");
    expect(await db.selectFrom("exam_ratings").select("id").where("registration_id", "=", registrationId).execute()).toEqual([]);
  });
});

describe("a scan of Part 2", () => {
  it("staff upload it; its rater downloads it named after the exam code only, anyone else finds nothing", async () => {
    const setup = await examAssociation();
    const sittingId = await buildExamSitting(app, setup.staff.actor, setup.association.id);
    const examinee = await registered(setup.association.id, sittingId, "Sam Scanned");
    const registrationId = examinee.registration.id;
    const page = `${setup.sittings}/${sittingId}?registration=${registrationId}`;
    const scan = "%PDF-1.4\n% Part 2, handwritten\n%%EOF\n";
    const wrong = await setup.staffClient.postFiles(page, { registrationId }, { file: { name: "notes.txt", type: "text/plain", content: "just text" } });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('id="error-file"');
    const sent = await setup.staffClient.postFiles(
      page,
      { registrationId },
      { file: { name: "Sam Scanned part 2.pdf", type: "application/pdf", content: scan } },
    );
    expect(sent.status).toBe(200);
    expect(sent.text).toContain("A scan of the Part 2 answers is recorded (application/pdf).");

    const rater = setup.raters[0]!;
    expect((await setup.staffClient.post(page, { intent: "assign", registrationId, reviewer: rater.id })).status).toBe(200);
    const { id: ratingId } = await db.selectFrom("exam_ratings").select("id").where("registration_id", "=", registrationId).executeTakeFirstOrThrow();
    const raterClient = await app.clientAs(rater.id);
    expect((await raterClient.get(`/exam-ratings/${ratingId}`)).text).toContain(`href="/exam-ratings/${ratingId}/part-2"`);
    const download = await raterClient.getBytes(`/exam-ratings/${ratingId}/part-2`);
    expect(download.status).toBe(200);
    expect(new TextDecoder().decode(download.bytes)).toBe(scan);
    const code = examinee.registration.exam_code;
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="${code}-part-2.pdf"`);
    expect(download.headers.get("content-disposition")).not.toContain("Sam");
    expect((await (await app.clientAs(setup.raters[1]!.id)).getBytes(`/exam-ratings/${ratingId}/part-2`)).status).toBe(404);
    expect((await setup.staffClient.getBytes(`/exam-ratings/${ratingId}/part-2`)).status).toBe(404);
    // Once a rater has it, it stays as they were given it.
    const late = await setup.staffClient.postFiles(
      page,
      { registrationId },
      { file: { name: "other.pdf", type: "application/pdf", content: "%PDF-1.4\n%%EOF\n" } },
    );
    expect(late.text).toContain("Raters are already assigned");
  });
});

describe("who may reach the exam pages", () => {
  it("staff of another association find neither the sittings nor the roster; a rater submits only their own rating", async () => {
    const setup = await examAssociation();
    const sittingId = await buildExamSitting(app, setup.staff.actor, setup.association.id);
    const elsewhere = await examAssociation();
    const otherStaff = elsewhere.staffClient;
    expect((await otherStaff.get(`${setup.sittings}/${sittingId}`)).status).toBe(403);
    expect((await otherStaff.get(`${elsewhere.sittings}/${sittingId}`)).status).toBe(404);
    expect((await otherStaff.post(`${elsewhere.sittings}/${sittingId}`, { intent: "part1", registrationId: sittingId, part1Correct: "50" })).status).toBe(404);

    const examinee = await registered(setup.association.id, sittingId, "Quinn Quiet");
    const [rating] = await rateThroughPages(setup, sittingId, examinee.registration.id, "50", ["pass"]);
    const stranger = await app.clientAs(setup.raters[1]!.id);
    expect((await stranger.post(`/exam-ratings/${rating}`, { result: "not-yet", comments: "x", hours: "1" })).status).toBe(404);
  });
});
