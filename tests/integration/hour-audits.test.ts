import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/define-command.ts";
import { determineAuditedEntry } from "../../src/commands/determine-audited-entry.ts";
import { submitApplication } from "../../src/commands/submit-application.ts";
import { startApplication } from "../../src/commands/start-application.ts";
import { uploadDocument } from "../../src/commands/upload-document.ts";
import { findSnapshot } from "../../src/data/applications.ts";
import { findJudgedPortfolio } from "../../src/data/hour-audits.ts";
import { evaluateRenewal } from "../../src/domain/evaluate-renewal.ts";
import type { Framework } from "../../src/domain/framework-schema.ts";
import { buildAuditOf, buildCredentialHolder, examplePeriodDue } from "../setup/audit-builders.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { buildAllianceAssociation, buildStaffAndReviewer, commandsOf, runOrThrow } from "../setup/state-builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);
const { db } = app.services;
const alliance = JSON.parse(readFileSync("frameworks/alliance-iecmh-e.json", "utf8")) as Framework;
const ifs = alliance.categories.find((category) => category.id === "ifs")!;
const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function associationWithStaff() {
  const association = await buildAllianceAssociation(app);
  const { staff } = await buildStaffAndReviewer(app, association.id);
  return { association, staff, staffClient: await app.clientAs(staff.user.id), audits: `/a/${association.slug}/audits` };
}

const auditLog = (action: string, associationId: string) =>
  db
    .selectFrom("audit_log")
    .select(["details", "actor_user_id", "subject_id"])
    .where("action", "=", action)
    .where("association_id", "=", associationId)
    .execute();

const requestedOf = (auditedId: string) =>
  db
    .selectFrom("hour_audit_entries")
    .select(["id", "entry_id", "list", "determination", "reason"])
    .where("audited_id", "=", auditedId)
    .orderBy("entry_id")
    .execute();

describe("drawing a sample of a period's renewals", () => {
  it("draws ceil(percent × holders) of the holders due that day (active or lapsed), tells each, and keeps the draw in the audit log", async () => {
    const { association, staff, staffClient, audits } = await associationWithStaff();
    const due = await Promise.all(
      ["Ada Due", "Ben Due", "Cai Due", "Dee Due"].map((name, index) =>
        buildCredentialHolder(app, { associationId: association.id, name, ...(index === 3 ? { status: "lapsed" as const } : {}) }),
      ),
    );
    const revoked = await buildCredentialHolder(app, { associationId: association.id, name: "Rev Oked", status: "revoked" });
    const otherPeriod = await buildCredentialHolder(app, { associationId: association.id, name: "Otto Later", renewalDue: "2025-12-31" });

    const page = await staffClient.get(audits);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`${examplePeriodDue} (4 people)`);
    expect(page.text).toContain("No audits yet.");

    const created = await staffClient.post(audits, {
      periodDue: examplePeriodDue,
      selection: "sample",
      percent: "50",
      people: "",
      evidenceDue: "2099-03-01",
      instructions: "",
    });
    expect(created.status).toBe(302);
    const auditId = created.location!.match(/audits\/([0-9a-f-]{36})\?created$/)![1]!;
    const drawn = await db.selectFrom("hour_audit_people").select(["user_id", "evidence_due"]).where("audit_id", "=", auditId).execute();
    expect(drawn).toHaveLength(2);
    const dueIds = due.map((holder) => holder.user.id);
    for (const person of drawn) expect(dueIds).toContain(person.user_id);
    expect(drawn.map((person) => person.user_id)).not.toContain(revoked.user.id);
    expect(drawn.map((person) => person.user_id)).not.toContain(otherPeriod.user.id);

    const [entry] = await auditLog("hour-audit.created", association.id);
    expect(entry).toMatchObject({ actor_user_id: staff.user.id, subject_id: auditId, details: { selection: "sample", percent: 50, population: 4 } });
    expect(Object.keys(entry!.details.requested as object).sort()).toEqual(drawn.map((person) => person.user_id).sort());

    const detail = await staffClient.get(`/a/${association.slug}/audits/${auditId}?created`);
    expect(detail.text).toContain("The audit is open and the people below were told.");
    expect(detail.text).toContain("a random sample of 50%");
    const list = await staffClient.get(audits);
    expect(list.text).toContain(`Period ending ${examplePeriodDue}`);
    expect(list.text).toContain("2 people, 4 entries awaiting a determination");

    const drawnPerson = due.find((holder) => holder.user.id === drawn[0]!.user_id)!;
    const mail = await inbox.waitFor((received) => received.to.includes(drawnPerson.user.email));
    expect(mail.text).toContain(`is auditing the hours you reported for the period ending ${examplePeriodDue}`);
    expect(mail.text).toContain("by 2099-03-01");
  });

  it("refuses a share out of range, a period nobody is due in and an evidence date not after today, with the error by the field", async () => {
    const { association, staffClient, audits } = await associationWithStaff();
    await buildCredentialHolder(app, { associationId: association.id, renewalDue: "2025-12-31" });
    const fields = { periodDue: examplePeriodDue, selection: "sample", percent: "50", people: "", evidenceDue: "2099-03-01", instructions: "" };
    const percent = await staffClient.post(audits, { ...fields, percent: "0" });
    expect(percent.status).toBe(400);
    expect(percent.text).toContain("Enter a whole number from 1 to 100.");
    expect(percent.text).toContain('value="0"');
    expect((await staffClient.post(audits, fields)).text).toContain("No one holds an active or lapsed credential due on this date.");
    expect((await staffClient.post(audits, { ...fields, evidenceDue: "2001-01-01" })).text).toContain("The evidence date must be after today.");
    expect((await staffClient.post(audits, { ...fields, selection: "picked", people: "nobody@example.org" })).text).toContain(
      "Each line must be the email address or full name of someone who holds one of the association",
    );
  });
});

describe("one audited person", () => {
  async function audited(options: { spanish?: boolean } = {}) {
    const context = await associationWithStaff();
    const holder = await buildCredentialHolder(app, { associationId: context.association.id, name: options.spanish ? "Lupe Auditada" : "Ida Audited" });
    if (options.spanish) await db.updateTable("users").set({ locale: "es" }).where("id", "=", holder.user.id).execute();
    const { auditId, auditedIdOf } = await buildAuditOf(app, context.staff.actor, context.association.id, [holder.user.name]);
    const auditedId = auditedIdOf(holder.user.id);
    return { ...context, holder, auditId, auditedId, client: await app.clientAs(holder.user.id), page: `/audits/${auditedId}` };
  }

  it("is told by mail and in Messages, in their language, with a link to the entries evidence is asked for", async () => {
    const { holder, page, client } = await audited({ spanish: true });
    const mail = await inbox.waitFor((received) => received.to.includes(holder.user.email));
    expect(mail.text).toContain(`está auditando las horas que usted declaró para el período que termina el ${examplePeriodDue}`);
    expect(linkIn(mail, page)).toContain(page);
    expect((await client.get("/inbox")).text).toContain("está auditando las horas");
  });

  it("sees the period's hour entries named (not the others), the association's instructions, and uploads evidence through the documents page", async () => {
    const { page, client, holder, auditedId, staffClient, association, auditId } = await audited();
    expect((await requestedOf(auditedId)).map((entry) => `${entry.list}/${entry.entry_id}`)).toEqual(["reflectiveSupervision/r1", "training/t2"]);
    const before = await client.get(page);
    expect(before.status).toBe(200);
    expect(before.text).toContain("Certificates of attendance, please.");
    expect(before.text).toContain("Training: ");
    expect(before.text).toContain("2024-02-15, 12 h");
    expect(before.text).toContain("Reflective supervision/consultation: Dr. Lee, 2024-06-01, 12 h");
    expect(before.text).not.toContain("2023-03-10");
    expect(before.text).toContain("/portfolio/documents?about=t2&amp;type=certificate");
    expect(before.text).toContain("Awaiting a determination");

    await runOrThrow(app, uploadDocument, holder.actor, { type: "certificate", filename: "t2-certificate.pdf", about: "t2", file: pdf });
    await runOrThrow(app, uploadDocument, holder.actor, { type: "other", filename: "r1-letter.pdf", about: "r1", file: pdf });
    expect((await client.get(page)).text).toContain("t2-certificate.pdf");
    const staffPage = await staffClient.get(`/a/${association.slug}/audits/${auditId}`);
    expect(staffPage.text).toContain("t2-certificate.pdf");
    expect(staffPage.text).toContain("r1-letter.pdf");
  });

  it("asks for more time (one request at a time), and staff grant it with a new date the person is told of", async () => {
    const { page, client, holder, auditedId, staffClient, association, auditId } = await audited();
    const early = await client.post(page, { until: "2098-01-01", reason: "Away." });
    expect(early.status).toBe(400);
    expect(early.text).toContain("The new date must be after the current evidence date.");
    expect(early.text).toContain("Away.");
    expect((await client.post(page, { until: "2099-02-01", reason: "" })).text).toContain("Please fill in this field.");

    const asked = await client.post(page, { until: "2099-02-01", reason: "Away on a course." });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain("Your request was sent to the association.");
    expect((await client.post(page, { until: "2099-03-01", reason: "Again." })).text).toContain("A request for more time is already waiting for an answer.");

    const extension = await db.selectFrom("hour_audit_extensions").select("id").where("audited_id", "=", auditedId).executeTakeFirstOrThrow();
    const staffPath = `/a/${association.slug}/audits/${auditId}`;
    expect((await staffClient.get(staffPath)).text).toContain("until 2099-02-01: Away on a course.");
    const tooEarly = await staffClient.post(staffPath, {
      intent: "answer-extension",
      extensionId: extension.id,
      answer: "granted",
      grantedUntil: "2098-12-31",
    });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.text).toContain("The new date must be after the current evidence date.");
    const granted = await staffClient.post(staffPath, { intent: "answer-extension", extensionId: extension.id, answer: "granted", grantedUntil: "2099-02-15" });
    expect(granted.status).toBe(200);
    expect(await db.selectFrom("hour_audit_people").select("evidence_due").where("id", "=", auditedId).executeTakeFirstOrThrow()).toEqual({
      evidence_due: "2099-02-15",
    });
    expect((await client.get(page)).text).toContain("Granted until 2099-02-15");
    const mail = await inbox.waitFor((received) => received.to.includes(holder.user.email) && received.text.includes("request for more time was granted"));
    expect(mail.text).toContain("2099-02-15");
    const [entry] = await auditLog("hour-audit.extension-answered", association.id);
    expect(entry!.details).toMatchObject({ answer: "granted", evidenceDue: { from: "2099-01-01", to: "2099-02-15" } });
    expect((await staffClient.post(staffPath, { intent: "answer-extension", extensionId: extension.id, answer: "denied" })).text).toContain(
      "This request was already answered.",
    );
  });

  it("has the hours staff disallow (with a reason) left out of /progress, the portfolio's verdicts and a new application, but not of a frozen one", async () => {
    const { page, client, holder, auditedId, staffClient, association, auditId } = await audited();
    const { applicationId: frozenId } = await runOrThrow(app, startApplication, holder.actor, {
      associationId: association.id,
      frameworkId: "alliance-iecmh-e",
      categoryId: "ifs",
    });
    await runOrThrow(app, submitApplication, holder.actor, { applicationId: frozenId, attests: true, signsEthics: true });
    const frozenBefore = await findSnapshot(db, frozenId);
    const renewalCounts = async () =>
      evaluateRenewal(alliance, ifs, await findJudgedPortfolio(db, holder.user.id), { earned: "2023-06-01", periodEnd: examplePeriodDue })
        .requirements.find((requirement) => requirement.id === "renewal-training")!
        .counted.map((item) => item.entryId);
    expect(await renewalCounts()).toContain("t2");
    const progressBefore = (await client.get("/progress?open=alliance-iecmh-e/ifs")).text;
    expect(progressBefore).toContain("30 of 30");

    const requested = await requestedOf(auditedId);
    const training = requested.find((entry) => entry.entry_id === "t2")!;
    const rsc = requested.find((entry) => entry.entry_id === "r1")!;
    const staffPath = `/a/${association.slug}/audits/${auditId}`;
    const noReason = await staffClient.post(staffPath, { intent: "determine", requestedId: training.id, determination: "disallowed", reason: "" });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain("Say why the hours are disallowed.");
    expect((await requestedOf(auditedId)).every((entry) => entry.determination === null)).toBe(true);

    expect((await staffClient.post(staffPath, { intent: "determine", requestedId: rsc.id, determination: "accepted", reason: "" })).status).toBe(200);
    const disallowed = await staffClient.post(staffPath, {
      intent: "determine",
      requestedId: training.id,
      determination: "disallowed",
      reason: "The certificate is for another course.",
    });
    expect(disallowed.status).toBe(200);
    expect(await requestedOf(auditedId)).toEqual([
      expect.objectContaining({ entry_id: "r1", determination: "accepted", reason: null }),
      expect.objectContaining({ entry_id: "t2", determination: "disallowed", reason: "The certificate is for another course." }),
    ]);
    const logged = await auditLog("hour-audit.entry-determined", association.id);
    expect(logged.map((entry) => entry.details)).toContainEqual(
      expect.objectContaining({
        entryId: "t2",
        from: { determination: null, reason: null, hoursAllowed: null },
        to: { determination: "disallowed", reason: "The certificate is for another course.", hoursAllowed: null },
      }),
    );

    expect(await renewalCounts()).not.toContain("t2");
    const progressAfter = (await client.get("/progress?open=alliance-iecmh-e/ifs")).text;
    expect(progressAfter).toContain("18 of 30");
    expect(progressAfter).not.toContain("30 of 30");
    const mine = (await client.get(page)).text;
    expect(mine).toContain("Hours disallowed: The certificate is for another course.");
    expect(mine).toContain("Accepted");
    expect((await client.get("/portfolio?show=training")).text).toContain("Hours disallowed by an audit");
    const mail = await inbox.waitFor((received) => received.to.includes(holder.user.email) && received.text.includes("were disallowed"));
    expect(mail.text).toContain("The certificate is for another course.");

    // A new application is judged without the hours; the one already frozen stays as it was.
    const { applicationId: draftId } = await runOrThrow(app, startApplication, holder.actor, {
      associationId: association.id,
      frameworkId: "alliance-iecmh-e",
      categoryId: "imhs",
    });
    await runOrThrow(app, submitApplication, holder.actor, { applicationId: draftId, attests: true, signsEthics: true });
    expect(await findSnapshot(db, frozenId)).toEqual(frozenBefore);
    const trainingOf = (snapshot: Awaited<ReturnType<typeof findSnapshot>>) =>
      (snapshot!.portfolio as { training: Array<{ id: string }> }).training.map((entry) => entry.id);
    expect(trainingOf(frozenBefore)).toContain("t2");
    expect(trainingOf(await findSnapshot(db, draftId))).not.toContain("t2");
  });

  it("counts only the hours staff allow of an entry disallowed in part, and refuses an allowance that is not below the entry's hours", async () => {
    const { page, client, holder, auditedId, staffClient, association, auditId } = await audited();
    const training = (await requestedOf(auditedId)).find((entry) => entry.entry_id === "t2")!;
    const staffPath = `/a/${association.slug}/audits/${auditId}`;
    const determine = (fields: Record<string, string>) =>
      staffClient.post(staffPath, {
        intent: "determine",
        requestedId: training.id,
        determination: "disallowed",
        reason: "The certificate shows 5 hours.",
        ...fields,
      });

    for (const [hoursAllowed, message] of [
      ["12", "Enter fewer hours than the entry reports, more than 0, or leave it empty."],
      ["0", "Enter fewer hours than the entry reports, more than 0, or leave it empty."],
      ["five", "Enter fewer hours than the entry reports, more than 0, or leave it empty."],
    ] as const) {
      const refused = await determine({ hoursAllowed });
      expect(refused.status, hoursAllowed).toBe(400);
      expect(refused.text).toContain(message);
      expect(refused.text).toContain(`value="${hoursAllowed}"`);
      // The summary's link leads to this entry's field, one of a form per entry.
      expect(refused.text).toContain(`href="#field-hoursAllowed-${training.id}"`);
      expect(refused.text).toContain(`id="field-hoursAllowed-${training.id}"`);
      expect(refused.text).toContain("The certificate shows 5 hours.");
    }
    expect((await requestedOf(auditedId)).every((entry) => entry.determination === null)).toBe(true);

    expect((await determine({ hoursAllowed: "5" })).status).toBe(200);
    const stored = await db.selectFrom("hour_audit_entries").select(["determination", "hours_allowed"]).where("id", "=", training.id).executeTakeFirstOrThrow();
    expect({ ...stored, hours_allowed: Number(stored.hours_allowed) }).toEqual({ determination: "disallowed", hours_allowed: 5 });
    const [logged] = await auditLog("hour-audit.entry-determined", association.id);
    expect(logged!.details).toMatchObject({ entryId: "t2", to: { determination: "disallowed", hoursAllowed: 5 } });

    // 30 hours of which t2 gave 12: 7 of them no longer count.
    expect((await client.get("/progress?open=alliance-iecmh-e/ifs")).text).toContain("23 of 30");
    expect((await client.get(page)).text).toContain("Only 5 of 12 h count: The certificate shows 5 hours.");
    expect((await client.get("/portfolio?show=training")).text).toContain("Only 5 h count after an audit");
    expect((await staffClient.get(staffPath)).text).toContain('value="5"');
    const mail = await inbox.waitFor((received) => received.to.includes(holder.user.email) && received.text.includes("of the 12 hours"));
    expect(mail.text).toContain("Only 5 of the 12 hours of an entry in your audit count");

    // Disallowed whole after all: none of its hours count.
    expect((await determine({ hoursAllowed: "" })).status).toBe(200);
    expect((await client.get("/progress?open=alliance-iecmh-e/ifs")).text).toContain("18 of 30");
    // Accepted in the end, with hours left in the field from before: every hour counts again.
    const accepted = await staffClient.post(staffPath, {
      intent: "determine",
      requestedId: training.id,
      determination: "accepted",
      reason: "",
      hoursAllowed: "5",
    });
    expect(accepted.status).toBe(200);
    const final = await db.selectFrom("hour_audit_entries").select(["determination", "hours_allowed"]).where("id", "=", training.id).executeTakeFirstOrThrow();
    expect(final).toEqual({ determination: "accepted", hours_allowed: null });
    expect((await client.get("/progress?open=alliance-iecmh-e/ifs")).text).toContain("30 of 30");
  });

  it("is the only one who sees their part: another person gets 404, and the person cannot record a determination", async () => {
    const { page, holder, auditedId, association, auditId } = await audited();
    const stranger = await buildCredentialHolder(app, { associationId: association.id, name: "Sam Stranger" });
    const strangerClient = await app.clientAs(stranger.user.id);
    expect((await strangerClient.get(page)).status).toBe(404);
    expect((await strangerClient.post(page, { until: "2099-02-01", reason: "Mine?" })).status).toBe(404);

    const [requested] = await requestedOf(auditedId);
    const own = await app.clientAs(holder.user.id);
    const attempt = await own.post(`/a/${association.slug}/audits/${auditId}`, {
      intent: "determine",
      requestedId: requested!.id,
      determination: "accepted",
      reason: "",
    });
    expect(attempt.status).toBe(403);
    const direct = await runCommand(commandsOf(app), determineAuditedEntry, holder.actor, {
      associationId: association.id,
      requestedId: requested!.id,
      determination: "accepted",
      reason: "",
    });
    expect(direct).toMatchObject({ ok: false, forbidden: true });
    expect((await requestedOf(auditedId))[0]!.determination).toBeNull();
  });
});
