import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { setFrameworksOfAssociation } from "../../src/data/association-frameworks.ts";
import { findSnapshot } from "../../src/data/applications.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { fingerprint } from "../../src/domain/fingerprint.ts";
import { buildAssociation, buildMember, buildUser } from "../setup/builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);

async function applicant() {
  const association = await buildAssociation(app.services.db, { name: "Michigan IMH", contactEmail: "staff@mi.example.org" });
  await app.services.db.updateTable("associations").set({ application_fee_cents: 7500 }).where("id", "=", association.id).execute();
  await setFrameworksOfAssociation(app.services.db, association.id, ["alliance-iecmh-e"]);
  const user = await buildMember(app.services.db, association.id, "member", { name: "Rosa Martínez" });
  const client = await app.clientAs(user.id);
  await client.postFiles(
    "/portfolio/import",
    { kind: "json" },
    { file: { name: "p.json", type: "application/json", content: readFileSync("examples/ifs-portfolio.json", "utf8") } },
  );
  const started = await client.post("/applications", { intent: "apply", choice: `${association.id}|alliance-iecmh-e|ifs` });
  expect(started.status).toBe(302);
  return { user, client, association, path: started.location! };
}

describe("applying", () => {
  it("lists what is unmet, submits with attestation and ethics, freezes the portfolio, and writes history, audit and mail", async () => {
    const { user, client, path } = await applicant();
    const draft = await client.get(path);
    expect(draft.text).toContain("Application: Infant Family Specialist");
    expect(draft.text).toContain("Application fee: $75.00.");
    expect(draft.text).toContain("Some requirements are not met yet.");

    const refused = await client.post(path, { intent: "submit", attest: "on" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('id="error-ethics"');

    const submitted = await client.post(path, { intent: "submit", attest: "on", ethics: "on" });
    expect(submitted.text).toContain("Your application was submitted.");
    const id = path.split("/").pop()!;
    const snapshot = await findSnapshot(app.services.db, id);
    expect(snapshot?.sha256).toBe(fingerprint({ portfolio: snapshot!.portfolio, report: snapshot!.report }));
    expect((snapshot!.portfolio as { training: unknown[] }).training).toHaveLength(2);

    await client.post("/portfolio/training/new", { title: "Added later", date: "2025-11-01", clockHours: "3", intent: "save" });
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training).toHaveLength(3);
    expect(((await findSnapshot(app.services.db, id))!.portfolio as { training: unknown[] }).training).toHaveLength(2);

    const page = await client.get(path);
    expect(page.text).toContain(`Submitted portfolio fingerprint (SHA-256): ${snapshot!.sha256}`);
    expect((await listAuditOfSubject(app.services.db, "application", id)).map((entry) => entry.action)).toEqual([
      "application.started",
      "application.submitted",
    ]);
    await inbox.waitFor((m) => m.to.includes(user.email) && m.subject.includes("Infant Family Specialist was submitted"));
    await inbox.waitFor((m) => m.to.includes("staff@mi.example.org") && m.subject.includes("Rosa Martínez submitted an application"));

    expect((await client.post(path, { intent: "submit", attest: "on", ethics: "on" })).text).toContain("This application was already submitted.");
    expect((await client.post(path, { intent: "withdraw" })).text).toContain("Your application was withdrawn.");
    expect((await client.get(path)).text).toMatch(/Draft[\s\S]*Submitted[\s\S]*Withdrawn/);
  });

  it("asks for each unticked box in a tick box's words, next to the box and in a summary, keeping what was ticked", async () => {
    const { client, path } = await applicant();
    const draft = await client.get(path);
    expect(draft.text, "the browser's own bubble must not answer for us").not.toMatch(/<input[^>]*type="checkbox"[^>]*required/);

    const neither = await client.post(path, { intent: "submit" });
    expect(neither.status).toBe(400);
    expect(neither.text).not.toContain("Please fill in this field.");
    const summary = neither.text.match(/<div class="error-summary"[^>]*>([\s\S]*?)<\/div>/);
    expect(summary?.[0]).toMatch(/tabindex="-1"/);
    expect(summary?.[1]).toContain('<a href="#field-attest">Tick this box to attest that your portfolio is true and complete.</a>');
    expect(summary?.[1]).toContain('<a href="#field-ethics">Tick this box to sign the code of ethics and endorsement agreement.</a>');
    expect(neither.text).toMatch(/<p class="field-error" id="error-attest">Tick this box to attest/);
    expect(neither.text).toMatch(/<input[^>]*id="field-attest"[^>]*aria-invalid="true"[^>]*aria-describedby="error-attest"/);

    const one = await client.post(path, { intent: "submit", attest: "on" }, { "accept-language": "es" });
    expect(one.status).toBe(400);
    expect(one.text).toContain("Marque esta casilla para firmar el código de ética y el acuerdo de acreditación.");
    expect(one.text).not.toContain('id="error-attest"');
    expect(one.text, "the ticked box stays ticked").toMatch(/<input[^>]*id="field-attest"[^>]*checked=""/);
    expect(one.text).not.toMatch(/<input[^>]*id="field-ethics"[^>]*checked=""/);
  });

  it("does not show one person's application to another", async () => {
    const { path } = await applicant();
    const stranger = await app.clientAs((await buildUser(app.services.db)).id);
    expect((await stranger.get(path)).status).toBe(404);
    expect((await stranger.post(path, { intent: "withdraw" })).status).toBe(404);
  });
});

describe("My applications", () => {
  it("names its two category choices apart, in both languages", async () => {
    const association = await buildAssociation(app.services.db);
    await setFrameworksOfAssociation(app.services.db, association.id, ["alliance-iecmh-e", "california-ifecmh"]);
    const client = await app.clientAs((await buildMember(app.services.db, association.id, "member")).id);
    for (const language of ["en", "es"]) {
      const page = await client.get("/applications", { "accept-language": language });
      const labels = ["field-choice", "field-candidate-choice"].map((id) => page.text.match(new RegExp(`<label for="${id}">([^<]+)</label>`))?.[1]);
      expect(labels.every(Boolean), language).toBe(true);
      expect(new Set(labels).size, `${language}: ${labels.join(" / ")}`).toBe(2);
    }
  });
});

describe("the in-app inbox", () => {
  it("keeps every message written to the person, and only theirs", async () => {
    const { user, client, path } = await applicant();
    await client.post(path, { intent: "submit", attest: "on", ethics: "on" });
    const inboxPage = await client.get("/inbox");
    expect(inboxPage.text).toContain("Your application for Infant Family Specialist was submitted to Michigan IMH.");
    const written = await app.services.db.selectFrom("outbox").select("subject").where("user_id", "=", user.id).execute();
    expect(written.length).toBeGreaterThan(0);
    for (const { subject } of written) expect(inboxPage.text, "every message written to the person is in their inbox").toContain(subject);
    const other = await app.clientAs((await buildUser(app.services.db)).id);
    const otherInbox = (await other.get("/inbox")).text;
    for (const { subject } of written) expect(otherInbox, "no one else sees it").not.toContain(subject);
  });
});

describe("what staff record for an applicant", () => {
  it("records the fee and the official transcripts, which then count for the applicant", async () => {
    const { user, client, association, path } = await applicant();
    await client.post(path, { intent: "submit", attest: "on", ethics: "on" });
    const id = path.split("/").pop()!;
    const staff = await buildMember(app.services.db, association.id, "staff");
    const staffClient = await app.clientAs(staff.id);
    const list = await staffClient.get(`/a/${association.slug}/applications`);
    expect(list.text).toContain("Rosa Martínez: Infant Family Specialist");
    expect(list.text).toContain("Fee due: $75.00");
    await staffClient.post(`/a/${association.slug}/applications`, { applicationId: id, intent: "fee" });
    await staffClient.post(`/a/${association.slug}/applications`, { applicationId: id, intent: "transcripts" });
    expect((await staffClient.get(`/a/${association.slug}/applications`)).text).toContain("Fee paid on");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.education.every((entry) => entry.officialTranscript)).toBe(true);
    expect((await listAuditOfSubject(app.services.db, "application", id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(["application.fee-paid", "application.transcripts-received"]),
    );

    const elsewhere = await buildMember(app.services.db, (await buildAssociation(app.services.db)).id, "staff");
    const outsider = await app.clientAs(elsewhere.id);
    expect((await outsider.post(`/a/${association.slug}/applications`, { applicationId: id, intent: "fee" })).status).toBe(403);
  });
});
