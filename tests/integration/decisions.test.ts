import { afterAll, describe, expect, it } from "vitest";
import { decideApplication } from "../../src/commands/decide-application.ts";
import { runCommand } from "../../src/commands/define-command.ts";
import { setLanguage } from "../../src/commands/set-language.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { addMonths, toDay, toIso, today } from "../../src/domain/dates.ts";
import { outcomeStatus, type ReviewOutcome } from "../../src/domain/review-outcomes.ts";
import { decideExamResult } from "../../src/commands/decide-exam-result.ts";
import { person, systemActor } from "../../src/policies/actor.ts";
import { buildRatedExam } from "../setup/exam-builders.ts";
import { buildMember, buildUser } from "../setup/builders.ts";
import { buildAllianceAssociation, buildApplicationInReview, buildSubmittedApplication, commandsOf, runOrThrow } from "../setup/state-builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);
const { db } = app.services;

type InReview = Awaited<ReturnType<typeof buildApplicationInReview>>;

function decide(
  review: InReview,
  outcome: ReviewOutcome,
  extra: { feedback?: string; expectedStatus?: string; expectedVersion?: number; staff?: InReview["staff"]["actor"] } = {},
) {
  return runCommand(commandsOf(app), decideApplication, extra.staff ?? review.staff.actor, {
    associationId: review.associationId,
    applicationId: review.applicationId,
    outcome,
    feedback: extra.feedback ?? "",
    expectedStatus: extra.expectedStatus ?? "in-review",
    expectedVersion: extra.expectedVersion ?? 1,
  });
}

const applicationRow = (id: string) =>
  db.selectFrom("applications").select(["status", "exam_approved_until", "emerging_until"]).where("id", "=", id).executeTakeFirstOrThrow();

describe("staff decide the outcome of a review", () => {
  it.each([
    ["ifs", "endorse"],
    ["ifs", "defer"],
    ["ifs", "hold"],
    ["imhs", "approve-for-exam"],
    ["ifrs", "emerging"],
  ] as const)("%s: %s moves the status, audits from and to, and writes the outcome's letter", async (categoryId, outcome) => {
    const review = await buildApplicationInReview(app, { categoryId });
    const result = await decide(review, outcome, { feedback: "Describe your reflective supervision in more detail." });
    expect(result).toMatchObject({ ok: true });

    const row = await applicationRow(review.applicationId);
    expect(row.status).toBe(outcomeStatus[outcome]);
    const decided = (await listAuditOfSubject(db, "application", review.applicationId)).filter((entry) => entry.action === "application.decided");
    expect(decided).toHaveLength(1);
    expect(decided[0]!.actor_user_id).toBe(review.staff.user.id);
    expect(decided[0]!.details).toMatchObject({ from: "in-review", to: outcomeStatus[outcome], outcome, version: 1 });

    // The windows the outcome opens, from the decision day in the association's time zone.
    const decidedOn = toDay(today("America/New_York", new Date()));
    expect(row.exam_approved_until).toBe(outcome === "approve-for-exam" ? toIso(addMonths(decidedOn, 12)) : null);
    expect(row.emerging_until).toBe(outcome === "emerging" ? toIso(addMonths(decidedOn, 24)) : null);

    const letters = await db.selectFrom("letters").select(["kind", "locale", "subject", "body"]).where("application_id", "=", review.applicationId).execute();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ kind: outcome, locale: "en" });
    expect(letters[0]!.body).toContain("Describe your reflective supervision in more detail.");
    if (row.exam_approved_until) expect(letters[0]!.body).toContain(row.exam_approved_until);
    if (row.emerging_until) expect(letters[0]!.body).toContain(row.emerging_until);
  });

  it("refuses an outcome the category or the status does not open, and a deferral without feedback; nothing changes", async () => {
    const review = await buildApplicationInReview(app);
    expect(await decide(review, "approve-for-exam")).toEqual({ ok: false, errors: { outcome: "decision.outcomeNotOpen" } });
    expect(await decide(review, "emerging")).toEqual({ ok: false, errors: { outcome: "decision.outcomeNotOpen" } });
    expect(await decide(review, "defer", { feedback: "" })).toEqual({ ok: false, errors: { feedback: "decision.feedbackRequired" } });
    expect((await applicationRow(review.applicationId)).status).toBe("in-review");

    // Submitted but not yet in review: nothing to decide.
    const submitted = await buildSubmittedApplication(app);
    const staff = await buildMember(db, submitted.associationId, "staff");
    const early = await runCommand(commandsOf(app), decideApplication, person(staff.id), {
      associationId: submitted.associationId,
      applicationId: submitted.applicationId,
      outcome: "endorse",
      feedback: "",
      expectedStatus: "submitted",
      expectedVersion: 1,
    });
    expect(early).toEqual({ ok: false, errors: { outcome: "decision.outcomeNotOpen" } });
    expect(await db.selectFrom("letters").select("id").where("application_id", "in", [review.applicationId, submitted.applicationId]).execute()).toEqual([]);
  });

  it("two staff deciding at once: one wins, the other is told what the application is now", async () => {
    const review = await buildApplicationInReview(app);
    const other = await buildMember(db, review.associationId, "staff");
    const otherStaff = person(other.id);
    const results = await Promise.all([decide(review, "endorse"), decide(review, "defer", { feedback: "More hours, please.", staff: otherStaff })]);
    const won = results.filter((result) => result.ok);
    expect(won).toHaveLength(1);
    const status = (await applicationRow(review.applicationId)).status;
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, errors: { form: `decision.meanwhile.${status}` } }]);
    const decided = (await listAuditOfSubject(db, "application", review.applicationId)).filter((entry) => entry.action === "application.decided");
    expect(decided).toHaveLength(1);
    expect(await db.selectFrom("letters").select("id").where("application_id", "=", review.applicationId).execute()).toHaveLength(1);
  });

  it("an approval to sit the exam decided more than a year ago shows as expired to the applicant and to staff", async () => {
    const review = await buildApplicationInReview(app, { categoryId: "imhs" });
    const longAgo = () => new Date(Date.now() - 400 * 24 * 60 * 60 * 1000);
    const decision = { outcome: "approve-for-exam" as const, feedback: "", expectedStatus: "in-review" as const, expectedVersion: 1 };
    const result = await runCommand(commandsOf(app, longAgo), decideApplication, review.staff.actor, {
      associationId: review.associationId,
      applicationId: review.applicationId,
      ...decision,
    });
    expect(result).toMatchObject({ ok: true });
    const until = (await applicationRow(review.applicationId)).exam_approved_until!;
    expect(until < today("America/New_York", new Date())).toBe(true);
    const own = await (await app.clientAs(review.user.id)).get(`/applications/${review.applicationId}`);
    expect(own.text).toContain(`Your approval to sit the exam expired on ${until}.`);
    const slug = (await db.selectFrom("associations").select("slug").where("id", "=", review.associationId).executeTakeFirstOrThrow()).slug;
    const file = await (await app.clientAs(review.staff.user.id)).get(`/a/${slug}/applications/${review.applicationId}`);
    expect(file.text).toContain(`The approval to sit the exam expired on ${until}`);
  });

  it("an application on hold is decided from hold, with nothing expired meanwhile", async () => {
    const review = await buildApplicationInReview(app, { categoryId: "ifrs" });
    expect(await decide(review, "hold")).toMatchObject({ ok: true });
    expect(await decide(review, "hold", { expectedStatus: "on-hold" })).toEqual({ ok: false, errors: { outcome: "decision.outcomeNotOpen" } });
    expect(await decide(review, "emerging", { expectedStatus: "on-hold" })).toMatchObject({ ok: true });
    const decided = (await listAuditOfSubject(db, "application", review.applicationId)).filter((entry) => entry.action === "application.decided");
    expect(decided.map((entry) => entry.details)).toMatchObject([
      { from: "in-review", to: "on-hold", outcome: "hold" },
      { from: "on-hold", to: "emerging", outcome: "emerging" },
    ]);
    const kinds = await db.selectFrom("letters").select("kind").where("application_id", "=", review.applicationId).orderBy("created_at").execute();
    expect(kinds.map((letter) => letter.kind)).toEqual(["hold", "emerging"]);
  });

  it("at the exam stage, endorse is open only once the exam is passed", async () => {
    const exam = await buildRatedExam(app, ["pass", "pass"]);
    const target = {
      associationId: exam.association.id,
      applicationId: exam.approved.applicationId,
      feedback: "",
      expectedStatus: "exam" as const,
      expectedVersion: 1,
    };
    const endorse = () => runCommand(commandsOf(app), decideApplication, exam.staff.actor, { ...target, outcome: "endorse" });
    expect(await endorse()).toEqual({ ok: false, errors: { outcome: "decision.outcomeNotOpen" } });
    await runOrThrow(app, decideExamResult, systemActor("exam-result"), { registrationId: exam.registrationId });
    expect(await endorse()).toMatchObject({ ok: true, value: { status: "endorsed" } });
    const kinds = await db.selectFrom("letters").select("kind").where("application_id", "=", exam.approved.applicationId).orderBy("created_at").execute();
    expect(kinds.map((letter) => letter.kind)).toEqual(["approve-for-exam", "exam-pass", "endorse"]);
  });

  it("staff of another association, a reviewer, the applicant and the installation's owner cannot decide", async () => {
    const review = await buildApplicationInReview(app);
    const elsewhere = await buildAllianceAssociation(app);
    const otherStaff = await buildMember(db, elsewhere.id, "staff");
    const owner = await buildUser(db, { isOwner: true });
    for (const actor of [person(otherStaff.id), review.reviewer.actor, review.actor, person(owner.id, [], true)]) {
      expect(await decide(review, "endorse", { staff: actor })).toEqual({ ok: false, errors: { form: "portfolio.notFound" } });
    }
    expect((await applicationRow(review.applicationId)).status).toBe("in-review");
  });

  it("the letter reaches the applicant by mail and in Messages, in their language; the association's own wording is used", async () => {
    const spanish = await buildApplicationInReview(app, { name: "Lucía Núñez" });
    await runOrThrow(app, setLanguage, spanish.actor, { locale: "es" });
    await decide(spanish, "defer", { feedback: "Añada más horas de supervisión reflexiva." });
    const mail = await inbox.waitFor((received) => received.to.includes(spanish.user.email) && received.subject.includes("aplazada"));
    expect(mail.subject).toBe("Su solicitud para Especialista Familiar de la Infancia queda aplazada");
    expect(mail.text).toContain("Estimado/a Lucía Núñez:");
    expect(mail.text).toContain("Añada más horas de supervisión reflexiva.");
    expect(mail.text).toContain(`/applications/${spanish.applicationId}`);
    const messages = await (await app.clientAs(spanish.user.id)).get("/inbox");
    expect(messages.text).toContain("Añada más horas de supervisión reflexiva.");

    const english = await buildApplicationInReview(app, { name: "Eve English" });
    await db
      .insertInto("letter_texts")
      .values({
        association_id: english.associationId,
        kind: "endorse",
        locale: "en",
        subject: "Welcome, {name}",
        body: "Our own words for {category}, {name}.",
      })
      .execute();
    await decide(english, "endorse");
    const own = await inbox.waitFor((received) => received.to.includes(english.user.email) && received.subject.startsWith("Welcome"));
    expect(own.subject).toBe("Welcome, Eve English");
    expect(own.text).toContain("Our own words for Infant Family Specialist, Eve English.");
  });
});
