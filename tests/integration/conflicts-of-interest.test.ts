import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { setFrameworksOfAssociation } from "../../src/data/association-frameworks.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { conflictsOfReviewers } from "../../src/queries/reviewer-conflicts.ts";
import { buildAssociation, buildMember } from "../setup/builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);
const { db } = app.services;

/**
 * An applicant who asked "Confidential Rater" <rater@example.org> for a rating and whose portfolio
 * (the example file) names Dr. Lee as their RS/C provider, with a submitted application; and staff.
 */
async function submittedApplication() {
  const home = await buildAssociation(db, { name: "Home IMH" });
  await setFrameworksOfAssociation(db, home.id, ["alliance-iecmh-e"]);
  const applicant = await buildMember(db, home.id, "member", { name: "Ana Aplicante" });
  const client = await app.clientAs(applicant.id);
  const file = readFileSync("examples/ifs-portfolio.json", "utf8");
  await client.postFiles("/portfolio/import", { kind: "json" }, { file: { name: "p.json", type: "application/json", content: file } });
  const category = `${home.id}|alliance-iecmh-e|ifs`;
  await client.post("/portfolio/references", { raterName: "Confidential Rater", raterEmail: "rater@example.org", role: "current-supervisor", category });
  const started = await client.post("/applications", { intent: "apply", choice: category });
  const applicationId = started.location!.split("/").pop()!;
  await client.post(started.location!, { intent: "submit", attest: "on", ethics: "on" });
  expect(await db.selectFrom("applications").select("status").where("id", "=", applicationId).executeTakeFirst()).toEqual({ status: "submitted" });
  const staff = await buildMember(db, home.id, "staff", { name: "Sam Staff" });
  const assign = (reviewerId: string) =>
    app.clientAs(staff.id).then((as) => as.post(`/a/${home.slug}/applications`, { intent: "assign", applicationId, reviewer: reviewerId }));
  return { home, applicant, applicationId, staff, assign, filePath: `/a/${home.slug}/applications/${applicationId}` };
}

describe("conflicts of interest at assignment", () => {
  it("refuses a reviewer the applicant named as rater or RS/C provider, or asked by email, saying why; assigns one without conflicts", async () => {
    const { home, applicationId, assign, staff } = await submittedApplication();
    const rater = await buildMember(db, home.id, "reviewer", { name: "  confidential RATER " });
    const provider = await buildMember(db, home.id, "reviewer", { name: "Dr. Lee" });
    const askedByEmail = await buildMember(db, home.id, "reviewer", { name: "Someone Else", email: "RATER@example.org" });
    const free = await buildMember(db, home.id, "reviewer", { name: "Free Reviewer" });

    const refusedRater = await assign(rater.id);
    expect(refusedRater.status).toBe(400);
    expect(refusedRater.text).toContain("This reviewer has a conflict of interest: the applicant named them as a rater.");
    expect((await assign(provider.id)).text).toContain("the applicant named them as a reflective supervision/consultation provider");
    expect((await assign(askedByEmail.id)).text).toContain("the applicant sent a reference or confirmation request to their email address");

    const conflicts = (await conflictsOfReviewers(db, [applicationId], [rater.id, provider.id, askedByEmail.id, free.id])).get(applicationId)!;
    expect(conflicts.get(rater.id)).toEqual([{ kind: "named-as-rater", value: "Confidential Rater" }]);
    expect(conflicts.get(provider.id)).toEqual([{ kind: "named-as-rsc-provider", value: "Dr. Lee" }]);
    expect(conflicts.get(askedByEmail.id)).toEqual([{ kind: "link-sent-to-reviewer", value: "rater@example.org" }]);
    expect(conflicts.has(free.id)).toBe(false);

    // The assignment screen offers only the free reviewer and says why each other one is not offered.
    const list = await (await app.clientAs(staff.id)).get(`/a/${home.slug}/applications`);
    expect(list.text).toContain("Not offered:   confidential RATER . This reviewer has a conflict of interest: the applicant named them as a rater.");
    expect(list.text).toContain(
      "Not offered: Dr. Lee. This reviewer has a conflict of interest: the applicant named them as a reflective supervision/consultation provider.",
    );
    const options = [...list.text.matchAll(/<option value="([^"]+)">/g)].map((match) => match[1]);
    expect(options).toContain(free.id);
    for (const conflicted of [rater, provider, askedByEmail]) expect(options).not.toContain(conflicted.id);

    expect((await assign(free.id)).status).toBe(200);
    const assigned = await db.selectFrom("application_reviewers").select("reviewer_user_id").where("application_id", "=", applicationId).execute();
    expect(assigned.map((row) => row.reviewer_user_id)).toEqual([free.id]);
  });

  it("refuses a reviewer who declared a conflict with the applicant's email; the declaration can be removed", async () => {
    const { home, applicant, assign } = await submittedApplication();
    const reviewer = await buildMember(db, home.id, "reviewer", { name: "Declaring Reviewer" });
    const client = await app.clientAs(reviewer.id);
    expect((await client.get("/account")).text).toContain(`href="/a/${home.slug}/conflicts"`);
    const declared = await client.post(`/a/${home.slug}/conflicts`, {
      intent: "declare",
      kind: "email",
      value: applicant.email.toUpperCase(),
      reason: "We share an office.",
    });
    expect(declared.status).toBe(200);
    expect(declared.text).toContain("Your conflict of interest is recorded.");
    expect(declared.text).toContain("We share an office.");

    const refused = await assign(reviewer.id);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("This reviewer declared a conflict of interest with the applicant&#x27;s email address.");

    const [row] = await db.selectFrom("declared_conflicts").select("id").where("user_id", "=", reviewer.id).execute();
    expect((await client.post(`/a/${home.slug}/conflicts`, { intent: "remove", conflictId: row!.id })).text).toContain("The conflict of interest was removed.");
    expect((await assign(reviewer.id)).status).toBe(200);
  });

  it("keeps what was typed and shows each error by its field, in English and Spanish", async () => {
    const { home } = await submittedApplication();
    const reviewer = await buildMember(db, home.id, "reviewer");
    const client = await app.clientAs(reviewer.id);
    const fields = { intent: "declare", kind: "email", value: "not an address", reason: "" };
    const english = await client.post(`/a/${home.slug}/conflicts`, fields);
    expect(english.status).toBe(400);
    expect(english.text).toContain('id="error-value"');
    expect(english.text).toContain("Enter an email address like name@example.org.");
    expect(english.text).toContain('id="error-reason"');
    expect(english.text).toContain('value="not an address"');
    await client.post("/language", { locale: "es" });
    const spanish = await client.post(`/a/${home.slug}/conflicts`, { ...fields, value: "", reason: "Trabajamos juntas." });
    expect(spanish.status).toBe(400);
    expect(spanish.text).toContain('id="error-value"');
    expect(spanish.text).toContain("Trabajamos juntas.");
    expect(spanish.text).toContain("Mis conflictos de interés");
    expect(await db.selectFrom("declared_conflicts").select("id").where("user_id", "=", reviewer.id).execute()).toEqual([]);
  });

  it("lets only reviewers of the association declare there", async () => {
    const { home } = await submittedApplication();
    const elsewhere = await buildAssociation(db);
    const reviewerElsewhere = await buildMember(db, elsewhere.id, "reviewer");
    const member = await buildMember(db, home.id, "member");
    const fields = { intent: "declare", kind: "person", value: "Ana Aplicante", reason: "A friend." };
    for (const person of [reviewerElsewhere, member]) {
      const client = await app.clientAs(person.id);
      expect((await client.get(`/a/${home.slug}/conflicts`)).status).toBe(403);
      expect((await client.post(`/a/${home.slug}/conflicts`, fields)).status).toBe(403);
    }
    expect(await db.selectFrom("declared_conflicts").select("id").where("association_id", "=", home.id).execute()).toEqual([]);
  });
});

describe("recusal", () => {
  it("frees the assignment, is audited, tells staff, and closes the file to the reviewer", async () => {
    const { home, applicationId, staff, assign, filePath } = await submittedApplication();
    const reviewer = await buildMember(db, home.id, "reviewer", { name: "Rita Recusing" });
    expect((await assign(reviewer.id)).status).toBe(200);
    const client = await app.clientAs(reviewer.id);
    const file = await client.get(filePath);
    expect(file.status).toBe(200);
    expect(file.text).toContain("Recuse myself");
    expect((await (await app.clientAs(staff.id)).get(filePath)).text).not.toContain("Recuse myself");

    const noReason = await client.post(filePath, { intent: "recuse", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('id="error-reason"');

    const recused = await client.post(filePath, { intent: "recuse", reason: "I supervised her years ago" });
    expect(recused.status).toBe(302);
    expect(recused.location).toBe(`/a/${home.slug}/conflicts?recused=1`);
    expect((await client.get(recused.location!)).text).toContain("You recused yourself from the application.");
    expect((await client.get(filePath)).status).toBe(404);
    expect(await db.selectFrom("application_reviewers").select("reviewer_user_id").where("application_id", "=", applicationId).execute()).toEqual([]);

    const audit = (await listAuditOfSubject(db, "application", applicationId)).find((entry) => entry.action === "application.reviewer-recused");
    expect(audit?.details).toMatchObject({ reviewerUserId: reviewer.id, reason: "I supervised her years ago" });
    const told = "Rita Recusing recused themselves from reviewing an application: I supervised her years ago.";
    expect((await (await app.clientAs(staff.id)).get("/inbox")).text).toContain(told);
    await inbox.waitFor((mail) => mail.to.includes(staff.email) && mail.text.includes(told));
    expect((await client.post(filePath, { intent: "recuse", reason: "again" })).status).toBe(404);
  });
});
