import { afterAll, describe, expect, it } from "vitest";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { findAssociationById } from "../../src/data/associations.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { buildMember } from "../setup/builders.ts";
import { buildApplicant, buildAssociationOf } from "../setup/state-builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);

/** A member with the example IFS portfolio, staff and a reviewer of the association, and the advisory request the member sent. */
async function requested() {
  const applicant = await buildApplicant(app, { meets: "ifs", name: "Ana Asks" });
  const association = (await findAssociationById(app.services.db, applicant.associationId))!;
  const staff = await buildMember(app.services.db, association.id, "staff");
  const advisor = await buildMember(app.services.db, association.id, "reviewer", { name: "Ada Advisor" });
  const client = await app.clientAs(applicant.user.id);
  const choice = `${association.id}|alliance-iecmh-e|ifs`;
  const asked = await client.post("/advisory", { choice, question: "Are my training hours enough?" });
  expect(asked.status).toBe(200);
  expect(asked.text).toContain("Your request was sent.");
  const reviewId = (
    await app.services.db.selectFrom("advisory_reviews").select("id").where("applicant_user_id", "=", applicant.user.id).executeTakeFirstOrThrow()
  ).id;
  return { applicant, association, staff, advisor, client, choice, reviewId };
}

describe("advisory review before submission", () => {
  it("goes from the applicant's request to staff's choice of advisor, comments beside each section, done marks and the advisor's service hours", async () => {
    const { applicant, association, staff, advisor, client, choice, reviewId } = await requested();
    await inbox.waitFor((mail) => mail.to.includes(association.contact_email) && mail.text.includes("asked for an advisory review"));
    const again = await client.post("/advisory", { choice, question: "" });
    expect(again.status).toBe(400);
    expect(again.text).toContain("You already have an advisory review open with this association.");

    const staffClient = await app.clientAs(staff.id);
    const list = await staffClient.get(`/a/${association.slug}/advisory`);
    expect(list.text).toContain("Ana Asks");
    expect(list.text).toContain("Are my training hours enough?");
    expect((await staffClient.post(`/a/${association.slug}/advisory`, { advisoryReviewId: reviewId, advisor: applicant.user.id })).status).toBe(400);
    expect((await staffClient.post(`/a/${association.slug}/advisory`, { advisoryReviewId: reviewId, advisor: advisor.id })).status).toBe(200);
    await inbox.waitFor((mail) => mail.to.includes(advisor.email) && mail.text.includes("advisory review of a portfolio"));
    await inbox.waitFor((mail) => mail.to.includes(applicant.user.email) && mail.text.includes("Ada Advisor is now your advisor."));

    const advisorClient = await app.clientAs(advisor.id);
    const file = await advisorClient.get(`/advisory/${reviewId}`);
    expect(file.status).toBe(200);
    expect(file.text).toContain("Advisory review: Ana Asks, Infant Family Specialist");
    expect(file.text).toContain("Your comment on Training");
    // The portfolio is read-only to the advisor: no entry form and no way to change it from this page.
    expect(file.text).not.toContain("/portfolio/training/");
    const blank = await advisorClient.post(`/advisory/${reviewId}`, { intent: "comment", section: "training", body: "  " });
    expect(blank.status).toBe(400);
    expect(blank.text).toContain('id="error-body-training"');
    const commented = await advisorClient.post(`/advisory/${reviewId}`, {
      intent: "comment",
      section: "training",
      body: "Add the DEI topic to your 2025 course.",
    });
    expect(commented.location).toBe(`/advisory/${reviewId}?done=comment#part-training`);
    await advisorClient.post(`/advisory/${reviewId}`, { intent: "comment", section: "general", body: "A strong portfolio overall." });

    const portfolio = await client.get("/portfolio");
    const training = portfolio.text.slice(portfolio.text.indexOf('id="training"'));
    expect(training).toContain("Add the DEI topic to your 2025 course.");
    expect(portfolio.text).toContain("A strong portfolio overall.");
    const commentId = (await app.services.db.selectFrom("advisory_comments").select("id").where("section", "=", "training").executeTakeFirstOrThrow()).id;
    expect((await client.post("/portfolio", { intent: "advice", commentId, done: "yes" })).status).toBe(302);
    expect((await client.get("/portfolio")).text).toContain("Mark not done");
    // Someone else cannot mark it.
    expect((await (await app.clientAs(advisor.id)).post("/portfolio", { intent: "advice", commentId, done: "no" })).status).toBe(404);

    const badHours = await advisorClient.post(`/advisory/${reviewId}`, { intent: "complete", hours: "99" });
    expect(badHours.status).toBe(400);
    expect(badHours.text).toContain("Enter the hours it took, between 0.25 and 40.");
    expect((await advisorClient.post(`/advisory/${reviewId}`, { intent: "complete", hours: "1.5" })).status).toBe(302);
    await inbox.waitFor((mail) => mail.to.includes(applicant.user.email) && mail.text.includes("Your advisor finished the advisory review."));
    const { portfolio: advisorPortfolio } = await findPortfolio(app.services.db, advisor.id);
    expect(advisorPortfolio.reviewerHours).toEqual([expect.objectContaining({ id: `service-advisory-${reviewId}`, role: "application-advisor", hours: 1.5 })]);
    expect((await advisorClient.post(`/advisory/${reviewId}`, { intent: "comment", section: "work", body: "Late." })).status).toBe(400);
    const actions = (await listAuditOfSubject(app.services.db, "advisory-review", reviewId)).map((entry) => entry.action);
    expect(actions).toEqual([
      "advisory.requested",
      "advisory.advisor-assigned",
      "advisory.commented",
      "advisory.commented",
      "advisory.comment-done",
      "advisory.completed",
    ]);
    // A new request is open again once the last is complete.
    expect((await client.post("/advisory", { choice, question: "" })).status).toBe(200);
  });

  it("keeps the file from everyone but the advisor and the association's staff", async () => {
    const { association, advisor, staff, client, reviewId } = await requested();
    await (await app.clientAs(staff.id)).post(`/a/${association.slug}/advisory`, { advisoryReviewId: reviewId, advisor: advisor.id });
    const otherReviewer = await buildMember(app.services.db, association.id, "reviewer");
    const { associationId: elsewhere } = await buildApplicant(app);
    const otherStaff = await buildMember(app.services.db, elsewhere, "staff");
    for (const userId of [otherReviewer.id, otherStaff.id]) {
      const other = await app.clientAs(userId);
      expect((await other.get(`/advisory/${reviewId}`)).status).toBe(404);
      expect((await other.post(`/advisory/${reviewId}`, { intent: "comment", section: "work", body: "x" })).status).toBe(404);
    }
    // The applicant reads the comments on the portfolio page, not the advisor's page.
    expect((await client.get(`/advisory/${reviewId}`)).status).toBe(404);
    expect((await (await app.clientAs(otherStaff.id)).get(`/a/${association.slug}/advisory`)).status).toBe(403);
  });

  it("offers the candidacy advisor first", async () => {
    const association = await buildAssociationOf(app, "california-ifecmh");
    const { user } = await buildApplicant(app, { associationId: association.id });
    const staff = await app.clientAs((await buildMember(app.services.db, association.id, "staff")).id);
    await buildMember(app.services.db, association.id, "reviewer", { name: "Ada Advisor" });
    const candidacyAdvisor = await buildMember(app.services.db, association.id, "staff", { name: "Cora Candidacy" });
    const client = await app.clientAs(user.id);
    const choice = `${association.id}|california-ifecmh|tmhp`;
    expect((await client.post("/applications", { intent: "candidate", choice })).text).toContain("You are now a candidate.");
    const candidacyId = (await app.services.db.selectFrom("candidacies").select("id").where("user_id", "=", user.id).executeTakeFirstOrThrow()).id;
    expect((await staff.post(`/a/${association.slug}/candidates`, { candidacyId, advisorEmail: candidacyAdvisor.email })).status).toBe(200);
    expect((await client.post("/advisory", { choice, question: "" })).status).toBe(200);
    const list = (await staff.get(`/a/${association.slug}/advisory`)).text;
    const select = list.slice(list.indexOf("<select"));
    expect(select).toContain("Cora Candidacy (candidacy advisor)");
    expect(select.indexOf("Cora Candidacy (candidacy advisor)")).toBeLessThan(select.indexOf("Ada Advisor"));
  });
});
