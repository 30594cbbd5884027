import { afterAll, describe, expect, it } from "vitest";
import { assignReviewer } from "../../src/commands/assign-reviewer.ts";
import { runCommand } from "../../src/commands/define-command.ts";
import { submitReview } from "../../src/commands/submit-review.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { en } from "../../src/i18n/messages-en.ts";
import { person } from "../../src/policies/actor.ts";
import { reviewChecklist } from "../../src/queries/reviews.ts";
import { buildMember } from "../setup/builders.ts";
import { buildAllianceAssociation, buildApplicationInReview, commandsOf, runOrThrow } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());
const { db } = app.services;

/** An IFS application in review with two assigned reviewers, their clients, and the addresses of its pages. */
async function inReviewWithTwoReviewers() {
  const association = await buildAllianceAssociation(app);
  const application = await buildApplicationInReview(app, { associationId: association.id, name: "Ana Applicant" });
  const second = await buildMember(db, association.id, "reviewer", { name: "Sam Second" });
  await runOrThrow(app, assignReviewer, application.staff.actor, {
    associationId: association.id,
    associationSlug: association.slug,
    applicationId: application.applicationId,
    reviewerUserId: second.id,
  });
  const filePath = `/a/${association.slug}/applications/${application.applicationId}`;
  const checklist = await reviewChecklist(app.services, application.reviewer.actor, association.slug, application.applicationId);
  return {
    association,
    application,
    first: { user: application.reviewer.user, client: await app.clientAs(application.reviewer.user.id) },
    second: { user: second, client: await app.clientAs(second.id) },
    staff: await app.clientAs(application.staff.user.id),
    checklist,
    filePath,
    reviewPath: `${filePath}/review`,
    reviewsPath: `${filePath}/reviews`,
  };
}

type Checklist = Awaited<ReturnType<typeof inReviewWithTwoReviewers>>["checklist"];

/** A complete review as the page's fields: every verdict confirmed (or judged met), every item scored, an outcome, hours. */
function completeReview(checklist: Checklist, overrides: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = { intent: "submit", feedback: "Clear and well documented.", staffNotes: "Nothing to add.", hours: "2.5" };
  for (const requirement of checklist.checklist) fields[`decision-${requirement.key}`] = requirement.engine === "needs-person" ? "met" : "confirm";
  for (const item of checklist.judged) fields[`score-${item.key}`] = checklist.scale[2]!;
  fields.recommendation = checklist.outcomes[0]!;
  return { ...fields, ...overrides };
}

describe("the reviewer's checklist", () => {
  it("lists every requirement with the engine's verdict, and the competency domains to score on the framework's scale", async () => {
    const { first, reviewPath, checklist } = await inReviewWithTwoReviewers();
    const page = await first.client.get(reviewPath);
    expect(page.status).toBe(200);
    expect(checklist.checklist.map((requirement) => requirement.id)).toEqual(expect.arrayContaining(["education", "training", "references"]));
    expect(checklist.judged.map((item) => item.key)).toEqual(expect.arrayContaining(["domain-reflection", "domain-thinking", "domain-working-with-others"]));
    for (const requirement of checklist.checklist) expect(page.text).toContain(`name="decision-${requirement.key}"`);
    expect(page.text).toContain(en["engine.rating.4"]);
  });

  it("keeps a draft without JavaScript, shows it only to its reviewer, and not to staff", async () => {
    const { first, second, staff, reviewPath, reviewsPath, checklist } = await inReviewWithTwoReviewers();
    const key = checklist.checklist[0]!.key;
    const saved = await first.client.post(reviewPath, {
      intent: "save",
      [`decision-${key}`]: "override",
      [`comment-${key}`]: "Draft thoughts of the first reviewer",
      hours: "1",
    });
    expect(saved.status).toBe(302);
    expect(saved.location).toContain("saved=1");
    const again = await first.client.get(saved.location!);
    expect(again.text).toContain("Draft thoughts of the first reviewer");
    expect(again.text).toMatch(new RegExp(`value="override" checked=""|checked="" [^>]*value="override"`));
    expect(again.text).toContain(en["checklist.saved"]);
    expect((await second.client.get(reviewPath)).text).not.toContain("Draft thoughts");
    const compared = await staff.get(reviewsPath);
    expect(compared.status).toBe(200);
    expect(compared.text).not.toContain("Draft thoughts");
    expect(compared.text).toContain(en["reviewsCompared.none"]);
  });

  it("refuses an override without a comment, with the error next to that field, keeping what was typed", async () => {
    const { first, reviewPath, checklist } = await inReviewWithTwoReviewers();
    const key = checklist.checklist[0]!.key;
    const refused = await first.client.post(reviewPath, completeReview(checklist, { [`decision-${key}`]: "override", feedback: "Typed feedback stays" }));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(`id="error-comment-${key}"`);
    expect(refused.text).toContain("an override needs a comment");
    expect(refused.text).toContain("Typed feedback stays");
    // Not submitted: the draft is kept and can still be changed.
    const page = await first.client.get(reviewPath);
    expect(page.text).toContain("Typed feedback stays");
    expect(page.text).toContain(en["checklist.submit"]);
  });

  it("submits a complete review, locks it, and credits the hours as service in the reviewer's portfolio", async () => {
    const { first, application, reviewPath, checklist } = await inReviewWithTwoReviewers();
    const key = checklist.checklist[0]!.key;
    const submitted = await first.client.post(
      reviewPath,
      completeReview(checklist, { [`decision-${key}`]: "override", [`comment-${key}`]: "The transcript shows otherwise." }),
    );
    expect(submitted.status).toBe(302);
    const page = await first.client.get(reviewPath);
    expect(page.text).toContain("You submitted this review on");
    expect(page.text).not.toContain(en["checklist.submit"]);

    const changed = await first.client.post(reviewPath, completeReview(checklist, { intent: "save", feedback: "Changed my mind" }));
    expect(changed.status).toBe(400);
    expect(changed.text).toContain(en["review.error.locked"]);
    expect((await first.client.get(reviewPath)).text).not.toContain("Changed my mind");

    const { portfolio } = await findPortfolio(db, first.user.id);
    expect(portfolio.reviewerHours).toEqual([
      expect.objectContaining({ hours: 2.5, role: "application-reviewer", id: expect.stringMatching(/^service-review-/) }),
    ]);
    // The reviewer finds them in their own portfolio's export, where renewal reads them.
    const exported = await first.client.get("/portfolio/export");
    expect(JSON.parse(exported.text).reviewerHours).toEqual(portfolio.reviewerHours);
    const audit = await listAuditOfSubject(db, "application", application.applicationId);
    expect(audit.find((entry) => entry.action === "review.submitted")?.details).toMatchObject({
      hours: 2.5,
      recommendation: checklist.outcomes[0],
      version: 1,
    });
  });

  it("shows staff both submitted reviews side by side, marking in words where they disagree", async () => {
    const { first, second, staff, filePath, reviewPath, reviewsPath, checklist } = await inReviewWithTwoReviewers();
    const requirement = checklist.checklist[0]!;
    const item = checklist.judged[0]!;
    expect((await first.client.post(reviewPath, completeReview(checklist))).status).toBe(302);
    const disagreeing = completeReview(checklist, {
      [`decision-${requirement.key}`]: requirement.engine === "needs-person" ? "not-met" : "override",
      [`comment-${requirement.key}`]: "Seen differently",
      [`score-${item.key}`]: checklist.scale[0]!,
      recommendation: "defer",
      feedback: "Add the missing supervision hours.",
    });
    expect((await second.client.post(reviewPath, disagreeing)).status).toBe(302);

    expect((await staff.get(filePath)).text).toContain(en["reviewsCompared.link"]);
    const compared = await staff.get(reviewsPath);
    expect(compared.status).toBe(200);
    expect(compared.text).toContain("Sam Second");
    expect(compared.text).toContain("Seen differently");
    expect(compared.text).toContain("Add the missing supervision hours.");
    expect(compared.text).toContain("The reviewers disagree on 3 items, marked below.");
    expect(compared.text.split(en["reviewsCompared.disagree"]).length - 1).toBe(3);
  });

  it("answers 404 to a reviewer not assigned, staff, and staff of another association", async () => {
    const { association, reviewPath, reviewsPath, staff, checklist } = await inReviewWithTwoReviewers();
    const unassigned = await app.clientAs((await buildMember(db, association.id, "reviewer")).id);
    expect((await unassigned.get(reviewPath)).status).toBe(404);
    expect((await unassigned.post(reviewPath, completeReview(checklist))).status).toBe(404);
    expect((await unassigned.get(reviewsPath)).status).toBe(404);
    expect((await staff.get(reviewPath)).status).toBe(404);
    const elsewhere = await buildAllianceAssociation(app);
    const otherStaff = await app.clientAs((await buildMember(db, elsewhere.id, "staff")).id);
    expect((await otherStaff.get(reviewsPath)).status).toBe(404);
    expect((await otherStaff.get(reviewsPath.replace(`/a/${association.slug}/`, `/a/${elsewhere.slug}/`))).status).toBe(404);
  });

  it("refuses a reviewer who recused, and keeps their draft from staff", async () => {
    const { first, staff, filePath, reviewPath, reviewsPath, checklist } = await inReviewWithTwoReviewers();
    expect((await first.client.post(reviewPath, completeReview(checklist, { intent: "save", feedback: "Half done" }))).status).toBe(302);
    expect((await first.client.post(filePath, { reason: "I supervised her last year." })).status).toBe(302);
    expect((await first.client.get(reviewPath)).status).toBe(404);
    expect((await first.client.post(reviewPath, completeReview(checklist))).status).toBe(404);
    expect((await staff.get(reviewsPath)).text).not.toContain("Half done");
  });

  it("refuses a review once the application has left review, showing the reviewer's answers read-only", async () => {
    const { first, staff, filePath, reviewPath, checklist } = await inReviewWithTwoReviewers();
    expect((await first.client.post(reviewPath, completeReview(checklist, { intent: "save", feedback: "Before the hold" }))).status).toBe(302);
    // Staff put it on hold from the file page.
    const hold = { intent: "decide", outcome: "hold", feedback: "", expectedStatus: "in-review", expectedVersion: "1" };
    expect((await staff.post(filePath, hold)).status).toBe(302);
    const refused = await first.client.post(reviewPath, completeReview(checklist));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(en["review.error.closed"]);
    const page = await first.client.get(reviewPath);
    expect(page.text).toContain("Before the hold");
    expect(page.text).not.toContain(en["checklist.submit"]);
  });

  it("starts the review of a file still 'submitted' when its reviewer first saves, as a first assignment does", async () => {
    const { first, application, reviewPath, checklist } = await inReviewWithTwoReviewers();
    await db.updateTable("applications").set({ status: "submitted" }).where("id", "=", application.applicationId).execute();
    expect((await first.client.post(reviewPath, completeReview(checklist, { intent: "save" }))).status).toBe(302);
    const row = await db.selectFrom("applications").select("status").where("id", "=", application.applicationId).executeTakeFirstOrThrow();
    expect(row.status).toBe("in-review");
    const audit = await listAuditOfSubject(db, "application", application.applicationId);
    expect(audit.find((entry) => entry.action === "review.draft-saved")?.details).toMatchObject({ from: "submitted", to: "in-review" });
  });

  it("refuses the commands to someone who is not assigned, even called directly", async () => {
    const { association, application, checklist } = await inReviewWithTwoReviewers();
    const stranger = await buildMember(db, association.id, "reviewer");
    const result = await runCommand(commandsOf(app), submitReview, person(stranger.id, [{ association_id: association.id, role: "reviewer" }]), {
      applicationId: application.applicationId,
      items: checklist.checklist.map((requirement) => ({ key: requirement.key, decision: "confirm" as const, comment: "" })),
      scores: {},
      feedback: "",
      staffNotes: "",
      recommendation: "endorse",
      hours: 1,
    });
    expect(result).toMatchObject({ ok: false, errors: { form: "portfolio.notFound" } });
  });
});
