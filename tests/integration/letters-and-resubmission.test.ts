import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/define-command.ts";
import { setLanguage } from "../../src/commands/set-language.ts";
import { submitReview } from "../../src/commands/submit-review.ts";
import { findSnapshot } from "../../src/data/applications.ts";
import { fingerprint } from "../../src/domain/fingerprint.ts";
import { buildMember } from "../setup/builders.ts";
import { completeReviewOf, reviewScenarios } from "../setup/command-scenarios/reviews.ts";
import { buildAllianceAssociation, buildApplicationInReview, commandsOf, runOrThrow } from "../setup/state-builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);
const { db } = app.services;

async function slugOf(associationId: string) {
  return (await db.selectFrom("associations").select("slug").where("id", "=", associationId).executeTakeFirstOrThrow()).slug;
}

/** An IFS application in review, its file's address, and staff signed in. */
async function reviewed(options: Parameters<typeof buildApplicationInReview>[1] = {}) {
  const review = await buildApplicationInReview(app, options);
  const slug = await slugOf(review.associationId);
  return { ...review, slug, filePath: `/a/${slug}/applications/${review.applicationId}`, staffClient: await app.clientAs(review.staff.user.id) };
}

async function pdfText(bytes: Uint8Array) {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("the decision form on the file page", () => {
  it("offers the open outcomes, keeps what was typed next to its error, tells a second decider what happened, and decides without JavaScript", async () => {
    const review = await reviewed();
    const page = await review.staffClient.get(review.filePath);
    const offered = [...page.text.matchAll(/name="outcome" value="([^"]+)"/g)].map((match) => match[1]);
    expect(offered).toEqual(["endorse", "defer", "hold"]);
    expect(page.text).toContain('name="expectedStatus" value="in-review"');
    expect(page.text).toContain('name="expectedVersion" value="1"');
    // Reviewers read the file but do not decide.
    expect((await (await app.clientAs(review.reviewer.user.id)).get(review.filePath)).text).not.toContain('name="outcome"');

    const fields = { intent: "decide", expectedStatus: "in-review", expectedVersion: "1" };
    const noFeedback = await review.staffClient.post(review.filePath, { ...fields, outcome: "defer", feedback: "  " });
    expect(noFeedback.status).toBe(400);
    expect(noFeedback.text).toContain('id="error-feedback"');
    expect(noFeedback.text).toContain("Write the feedback the applicant gets with a deferral.");
    expect(noFeedback.text).toContain('id="outcome-defer" name="outcome" checked="" value="defer"');

    const other = await app.clientAs((await buildMember(db, review.associationId, "staff")).id);
    const first = await other.post(review.filePath, { ...fields, outcome: "endorse" });
    expect(first.status).toBe(302);
    expect(first.location).toBe(`${review.filePath}?decided=1`);
    const late = await review.staffClient.post(review.filePath, { ...fields, outcome: "defer", feedback: "Too late." });
    expect(late.status).toBe(400);
    expect(late.text).toContain("Someone else decided this application meanwhile: it is now endorsed. Reload to see it.");
    const after = await review.staffClient.get(`${review.filePath}?decided=1`);
    expect(after.text).toContain("The decision is recorded and the applicant was sent its letter.");
    expect(after.text).toContain("No decision is open for this application in its status.");
  });
});

describe("the decision's feedback", () => {
  it("starts as the submitted reviews' feedback for the applicant, for staff to edit", async () => {
    const { actor, input } = await reviewScenarios["review.submitted"]!(app);
    expect(await runCommand(commandsOf(app), submitReview, actor, input)).toMatchObject({ ok: true });
    const { applicationId } = input as { applicationId: string };
    const { association_id: associationId } = await db
      .selectFrom("applications")
      .select("association_id")
      .where("id", "=", applicationId)
      .executeTakeFirstOrThrow();
    const staff = await app.clientAs((await buildMember(db, associationId, "staff")).id);
    const page = await staff.get(`/a/${await slugOf(associationId)}/applications/${applicationId}`);
    expect(page.text).toMatch(/<textarea[^>]*name="feedback"[^>]*>Well documented\.<\/textarea>/);
  });
});

describe("letters", () => {
  it("the applicant downloads the letter as a PDF in their language; staff may too; nobody else finds it", async () => {
    const review = await reviewed({ name: "José Ñúñez" });
    await runOrThrow(app, setLanguage, review.actor, { locale: "es" });
    const feedback = "Describa con más detalle su supervisión reflexiva: ¿qué aprendió?";
    expect(
      (await review.staffClient.post(review.filePath, { intent: "decide", outcome: "defer", feedback, expectedStatus: "in-review", expectedVersion: "1" }))
        .status,
    ).toBe(302);

    const applicant = await app.clientAs(review.user.id);
    const page = await applicant.get(`/applications/${review.applicationId}`);
    const href = page.text.match(/href="(\/applications\/[^"]+\/letters\/[^"]+)"/)?.[1];
    expect(href).toBeDefined();
    const pdf = await applicant.getBytes(href!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(pdf.bytes);
    const association = await db.selectFrom("associations").select("name").where("id", "=", review.associationId).executeTakeFirstOrThrow();
    expect(text).toContain(association.name);
    expect(text).toContain("José Ñúñez");
    expect(text).toContain("Su solicitud para Especialista Familiar de la Infancia queda aplazada");
    expect(text).toContain(feedback);
    const mail = await inbox.waitFor((received) => received.to.includes(review.user.email) && received.subject.includes("aplazada"));
    expect(mail.text).toContain(feedback);

    expect((await review.staffClient.getBytes(href!)).status).toBe(200);
    const strangers = [
      (await buildApplicationInReview(app, { associationId: review.associationId })).user.id,
      (await buildMember(db, (await buildAllianceAssociation(app)).id, "staff")).id,
      review.reviewer.user.id,
    ];
    for (const stranger of strangers) expect((await (await app.clientAs(stranger)).getBytes(href!)).status).toBe(404);
    const letterId = href!.split("/").pop()!;
    const another = await buildApplicationInReview(app, { associationId: review.associationId });
    // A letter is found only under its own application, even by that application's applicant.
    expect((await (await app.clientAs(another.user.id)).getBytes(`/applications/${another.applicationId}/letters/${letterId}`)).status).toBe(404);
  });

  it("staff word a letter their own way (placeholders checked), the decision uses it, and restoring brings Cradle's back", async () => {
    const review = await reviewed({ name: "Olive Own" });
    const letters = `/a/${review.slug}/letters`;
    const form = await review.staffClient.get(`${letters}?kind=hold&locale=en`);
    expect(form.text).toContain("Cradle&#x27;s default");
    expect(form.text).toContain("{name}, {category}, {association}, {date}, {feedback}, {until}, {retake}");

    const wrong = await review.staffClient.post(`${letters}?kind=hold&locale=en`, {
      intent: "save",
      kind: "hold",
      locale: "en",
      subject: "On hold, {nmae}",
      body: "We will call you.",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('id="error-subject"');
    expect(wrong.text).toContain("Cradle does not fill one of the placeholders in this text");
    expect(wrong.text).toContain('value="On hold, {nmae}"');

    const saved = await review.staffClient.post(letters, {
      intent: "save",
      kind: "hold",
      locale: "en",
      subject: "On hold, {name}",
      body: "We will call you about {category}.",
    });
    expect(saved.location).toBe(`${letters}?kind=hold&locale=en&done=save`);
    await review.staffClient.post(review.filePath, { intent: "decide", outcome: "hold", feedback: "", expectedStatus: "in-review", expectedVersion: "1" });
    const mail = await inbox.waitFor((received) => received.to.includes(review.user.email) && received.subject === "On hold, Olive Own");
    expect(mail.text).toContain("We will call you about Infant Family Specialist.");

    expect((await review.staffClient.post(letters, { intent: "restore", kind: "hold", locale: "en" })).status).toBe(302);
    expect((await review.staffClient.get(`${letters}?kind=hold&locale=en`)).text).toContain("Your application for {category} is on hold");
  });
});

describe("deferral, amendment and resubmission", () => {
  it("the applicant amends and resubmits: version 2 goes to the same reviewers, who see what changed; version 1 stays as it was", async () => {
    const review = await reviewed();
    const before = (await findSnapshot(db, review.applicationId, 1))!;
    expect(before.sha256).toBe(fingerprint({ portfolio: before.portfolio, report: before.report }));
    await review.staffClient.post(review.filePath, {
      intent: "decide",
      outcome: "defer",
      feedback: "Add your training on attachment.",
      expectedStatus: "in-review",
      expectedVersion: "1",
    });

    const applicant = await app.clientAs(review.user.id);
    expect((await applicant.get(`/applications/${review.applicationId}`)).text).toContain("Amend and resubmit");
    await applicant.post("/portfolio/training/new", { title: "Attachment across cultures", date: "2025-10-01", clockHours: "6", intent: "save" });
    const resubmitted = await applicant.post(`/applications/${review.applicationId}`, { intent: "resubmit" });
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.text).toContain("Your application was resubmitted.");
    const row = await db.selectFrom("applications").select(["status", "file_version"]).where("id", "=", review.applicationId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "in-review", file_version: 2 });
    const audit = await db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "application.resubmitted")
      .where("subject_id", "=", review.applicationId)
      .execute();
    expect(audit.map((entry) => entry.details)).toMatchObject([{ from: "deferred", to: "in-review", version: 2 }]);

    // Version 1 is exactly as it was, and still matches its fingerprint.
    const after = (await findSnapshot(db, review.applicationId, 1))!;
    expect(after).toEqual(before);
    expect(fingerprint({ portfolio: after.portfolio, report: after.report })).toBe(before.sha256);
    expect((await findSnapshot(db, review.applicationId))!.version).toBe(2);

    // The reviewer keeps the assignment and is told, and so is the association; the file shows version 2 and what changed.
    await inbox.waitFor((received) => received.to.includes(review.reviewer.user.email) && received.text.includes("resubmitted as version 2"));
    const contact = await db.selectFrom("associations").select("contact_email").where("id", "=", review.associationId).executeTakeFirstOrThrow();
    const toAssociation = await db
      .selectFrom("outbox")
      .select("subject")
      .where("to_address", "=", contact.contact_email)
      .where("kind", "=", "application-received")
      .where("text_body", "like", `%/applications/${review.applicationId}%`)
      .execute();
    expect(toAssociation).toHaveLength(1);
    const reviewer = await app.clientAs(review.reviewer.user.id);
    const file = await reviewer.get(review.filePath);
    expect(file.status).toBe(200);
    expect(file.text).toContain("Version 2 of the file");
    expect(file.text).toContain('href="?version=1"');
    expect(file.text).toContain("What changed since version 1");
    expect(file.text).toMatch(/Added in Training[^<]*Attachment across cultures/);
    const first = await reviewer.get(`${review.filePath}?version=1`);
    expect(first.text).toContain("You are reading version 1, an earlier version of the file (read-only). The newest is version 2.");
    expect(first.text).not.toContain("Attachment across cultures");
    expect((await reviewer.get(`${review.filePath}?version=3`)).status).toBe(404);
    expect((await reviewer.get(`${review.filePath}?version=x`)).status).toBe(404);
    expect((await review.staffClient.get(`${review.filePath}?version=1`)).text).not.toContain('name="outcome"');

    // The reviewer reviews version 2; its feedback starts the decision's.
    await runOrThrow(app, submitReview, review.reviewer.actor, { ...(await completeReviewOf(app, review.applicationId)), feedback: "Version 2 is complete." });
    const reviews = await db.selectFrom("reviews").select(["version", "status"]).where("application_id", "=", review.applicationId).execute();
    expect(reviews).toEqual([{ version: 2, status: "submitted" }]);
    expect((await review.staffClient.get(review.filePath)).text).toMatch(/<textarea[^>]*name="feedback"[^>]*>Version 2 is complete\.<\/textarea>/);

    // Version 2 is decided; a decision made on the page of version 1 is refused.
    const stale = await review.staffClient.post(review.filePath, { intent: "decide", outcome: "endorse", expectedStatus: "in-review", expectedVersion: "1" });
    expect(stale.text).toContain("The applicant resubmitted this application meanwhile. Reload to see the new version.");
    const decided = await review.staffClient.post(review.filePath, { intent: "decide", outcome: "endorse", expectedStatus: "in-review", expectedVersion: "2" });
    expect(decided.status).toBe(302);
    const entries = await db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "application.decided")
      .where("subject_id", "=", review.applicationId)
      .orderBy("created_at")
      .execute();
    expect(entries.map((entry) => entry.details)).toMatchObject([
      { outcome: "defer", version: 1 },
      { outcome: "endorse", version: 2, from: "in-review", to: "endorsed" },
    ]);
  });

  it("only a deferred or emerging application is resubmitted, and only by its applicant", async () => {
    const review = await reviewed();
    const refused = await (await app.clientAs(review.user.id)).post(`/applications/${review.applicationId}`, { intent: "resubmit" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("This application cannot be resubmitted in its status.");
    expect((await review.staffClient.post(`/applications/${review.applicationId}`, { intent: "resubmit" })).status).toBe(404);
  });
});
