import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { setFrameworksOfAssociation } from "../../src/data/association-frameworks.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { buildAssociation, buildMember, buildUser } from "../setup/builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);

const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** An applicant of one association with a submitted IFS application, a document, a reference request, and the people around them. */
async function submittedApplication() {
  const { db } = app.services;
  const home = await buildAssociation(db, { name: "Home IMH" });
  const elsewhere = await buildAssociation(db, { name: "Other IMH" });
  for (const association of [home, elsewhere]) await setFrameworksOfAssociation(db, association.id, ["alliance-iecmh-e"]);
  const applicant = await buildMember(db, home.id, "member", { name: "Ana Privada" });
  const client = await app.clientAs(applicant.id);
  await client.postFiles(
    "/portfolio/import",
    { kind: "json" },
    { file: { name: "p.json", type: "application/json", content: readFileSync("examples/ifs-portfolio.json", "utf8") } },
  );
  await client.postFiles("/portfolio/documents", { type: "resume" }, { file: { name: "resume.pdf", type: "application/pdf", content: pdf } });
  await client.post("/portfolio/references", {
    raterName: "Confidential Rater",
    raterEmail: "rater@example.org",
    role: "current-supervisor",
    category: `${home.id}|alliance-iecmh-e|ifs`,
  });
  const started = await client.post("/applications", { intent: "apply", choice: `${home.id}|alliance-iecmh-e|ifs` });
  const applicationId = started.location!.split("/").pop()!;
  await client.post(started.location!, { intent: "submit", attest: "on", ethics: "on" });
  const { portfolio } = await findPortfolio(db, applicant.id);
  const documentId = portfolio.documents.find((document) => document.type === "resume")!.id;
  const people = {
    staff: await buildMember(db, home.id, "staff"),
    assigned: await buildMember(db, home.id, "reviewer", { name: "Rita Reviewer" }),
    unassigned: await buildMember(db, home.id, "reviewer"),
    otherStaff: await buildMember(db, elsewhere.id, "staff"),
    otherApplicant: await buildMember(db, home.id, "member"),
    owner: await buildUser(db, { isOwner: true }),
  };
  return { home, elsewhere, applicant, client, applicationId, documentId, people, filePath: `/a/${home.slug}/applications/${applicationId}` };
}

describe("who reads an application's file, documents and references", () => {
  it("staff assign a reviewer, who then reads the file and documents; the review starts and both people are told", async () => {
    const { home, applicant, client, applicationId, documentId, people, filePath } = await submittedApplication();
    const assignedClient = await app.clientAs(people.assigned.id);
    expect((await assignedClient.get(filePath)).status).toBe(404);
    expect((await assignedClient.get(`/documents/${documentId}`)).status).toBe(404);

    const staff = await app.clientAs(people.staff.id);
    const staffFile = await staff.get(filePath);
    expect(staffFile.status).toBe(200);
    expect(staffFile.text).toContain(applicant.email);
    const assigned = await staff.post(`/a/${home.slug}/applications`, { intent: "assign", applicationId, reviewer: people.assigned.id });
    expect(assigned.status).toBe(200);
    expect((await staff.get(`/a/${home.slug}/applications`)).text).toContain("Reviewers: Rita Reviewer");

    const file = await assignedClient.get(filePath);
    expect(file.status).toBe(200);
    expect(file.text).toContain("Application file: Ana Privada, Infant Family Specialist");
    expect(file.text).toContain("Confidential Rater, Current supervisor: not answered yet");
    expect(file.text).not.toContain(applicant.email);
    expect((await assignedClient.get(`/documents/${documentId}`)).status).toBe(200);

    expect((await client.get(`/applications/${applicationId}`)).text).toContain("In review");
    expect((await client.post(`/applications/${applicationId}`, { intent: "withdraw" })).status).toBe(400);
    await inbox.waitFor((m) => m.to.includes(people.assigned.email) && m.subject.includes("assigned to you for review"));
    expect((await client.get("/inbox")).text).toContain("A reviewer has started on your application.");
    const actions = (await listAuditOfSubject(app.services.db, "application", applicationId)).map((entry) => entry.action);
    expect(actions).toContain("application.reviewer-assigned");
  });

  it("refuses the file, the documents and the references to another applicant, an unassigned reviewer, staff of another association and the owner", async () => {
    const { home, elsewhere, applicationId, documentId, people, filePath } = await submittedApplication();
    const staff = await app.clientAs(people.staff.id);
    await staff.post(`/a/${home.slug}/applications`, { intent: "assign", applicationId, reviewer: people.assigned.id });
    for (const outsider of [people.unassigned, people.otherStaff, people.otherApplicant, people.owner]) {
      const client = await app.clientAs(outsider.id);
      expect((await client.get(filePath)).status).toBe(404);
      expect((await client.get(`/a/${elsewhere.slug}/applications/${applicationId}`)).status).toBe(404);
      expect((await client.get(`/documents/${documentId}`)).status).toBe(404);
      const ownPages = [await client.get("/portfolio"), await client.get("/portfolio/references"), await client.get("/portfolio/export")];
      for (const page of ownPages) {
        expect(page.text).not.toContain("Confidential Rater");
        expect(page.text).not.toContain("Ana Privada");
      }
    }
    expect((await (await app.clientAs(people.otherStaff.id)).get(`/a/${home.slug}/applications`)).status).toBe(403);
    expect((await (await app.clientAs(people.unassigned.id)).get(`/a/${home.slug}/applications`)).status).toBe(403);
  });

  it("closes the file and the documents to a reviewer whose role was taken away, though still assigned", async () => {
    const { home, applicationId, documentId, people, filePath } = await submittedApplication();
    const staff = await app.clientAs(people.staff.id);
    await staff.post(`/a/${home.slug}/applications`, { intent: "assign", applicationId, reviewer: people.assigned.id });
    const reviewer = await app.clientAs(people.assigned.id);
    expect((await reviewer.get(filePath)).status).toBe(200);
    expect((await reviewer.get(`/documents/${documentId}`)).status).toBe(200);
    const admin = await app.clientAs((await buildMember(app.services.db, home.id, "admin")).id);
    await admin.post(`/a/${home.slug}/people`, { intent: "revoke", userId: people.assigned.id, role: "reviewer" });
    expect((await reviewer.get(filePath)).status).toBe(404);
    expect((await reviewer.get(`/documents/${documentId}`)).status).toBe(404);
  });

  it("gives an application only to a reviewer of the association, never to the applicant, and never a draft", async () => {
    const { home, applicant, applicationId, people } = await submittedApplication();
    const staff = await app.clientAs(people.staff.id);
    const notReviewer = await staff.post(`/a/${home.slug}/applications`, { intent: "assign", applicationId, reviewer: people.otherStaff.id });
    expect(notReviewer.status).toBe(400);
    expect(notReviewer.text).toContain("This person is not a reviewer of the association.");
    await app.services.db.insertInto("association_roles").values({ user_id: applicant.id, association_id: home.id, role: "reviewer" }).execute();
    const own = await staff.post(`/a/${home.slug}/applications`, { intent: "assign", applicationId, reviewer: applicant.id });
    expect(own.text).toContain("Nobody reviews their own application.");

    const drafter = await buildMember(app.services.db, home.id, "member");
    const draft = await (await app.clientAs(drafter.id)).post("/applications", { intent: "apply", choice: `${home.id}|alliance-iecmh-e|ifa` });
    const draftId = draft.location!.split("/").pop()!;
    expect((await staff.get(`/a/${home.slug}/applications/${draftId}`)).status).toBe(404);
    const refused = await staff.post(`/a/${home.slug}/applications`, { intent: "assign", applicationId: draftId, reviewer: people.assigned.id });
    expect(refused.text).toContain("Only a submitted application can be given to a reviewer.");
  });
});
