import { afterAll, describe, expect, it } from "vitest";
import { approveReinstatement } from "../../src/commands/approve-reinstatement.ts";
import { askForReinstatement } from "../../src/commands/ask-for-reinstatement.ts";
import { renewCredential } from "../../src/commands/renew-credential.ts";
import { importPortfolioFile } from "../../src/commands/import-portfolio-file.ts";
import { runCommand } from "../../src/commands/define-command.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { listCredentialStatusChanges } from "../../src/data/credentials.ts";
import { doCredentialRenewals } from "../../src/jobs/credential-renewals.ts";
import type { Actor } from "../../src/policies/actor.ts";
import { buildThreeRatings } from "../setup/link-builders.ts";
import { buildCredential, buildSecondCredential, commandsOf, moveCredentialStatus } from "../setup/state-builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);
const { db } = app.services;

const at = (iso: string) => () => new Date(`${iso}T15:00:00Z`);
const endorsedMidYear = (name: string) => buildCredential(app, { name, now: at("2026-06-15") });

type Hours = { rsc?: boolean; training?: boolean };

/** A membership valid through the next year, RS/C received in the year from the example portfolio's qualifying provider, and with `training` the year's 15 hours (1 of them on DEI). */
function hoursOf(year: number, { rsc = true, training = false }: Hours) {
  const provider = { name: "Dr. Lee", credentials: [{ framework: "alliance-iecmh-e", category: "imhs", earned: "2015-01-01" }] };
  return JSON.stringify({
    format: "cradle-portfolio",
    version: 1,
    reflectiveSupervision: rsc ? [{ id: `rsc-${year}`, direction: "received", date: `${year}-03-01`, hours: 12, format: "individual", provider }] : [],
    training: training
      ? [
          { id: `training-${year}`, title: "Relationship-based practice", provider: "Alliance", date: `${year}-04-01`, clockHours: 14, topics: [] },
          { id: `dei-${year}`, title: "Equity in home visiting", provider: "Alliance", date: `${year}-05-01`, clockHours: 1, topics: ["dei"] },
        ]
      : [],
    memberships: [{ id: `membership-${year}`, organization: "The association", validUntil: `${year + 1}-12-31` }],
  });
}

async function addHours(actor: Actor, year: number, hours: Hours = {}) {
  const imported = await runCommand(commandsOf(app, at(`${year}-11-01`)), importPortfolioFile, actor, { kind: "json", file: hoursOf(year, hours) });
  expect(imported.ok).toBe(true);
}

const renewOn = (day: string, actor: Actor, credentialId: string) =>
  runCommand(commandsOf(app, at(day)), renewCredential, actor, { credentialId, signsEthics: true, attestsNoSanction: true });

const credentialRow = (id: string) => db.selectFrom("credentials").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const renewalsOf = (id: string) => db.selectFrom("credential_renewals").selectAll().where("credential_id", "=", id).orderBy("period_due").execute();

describe("renewing a credential", () => {
  it("moves the due date a year on when renewed on time, records the fee as due, and tells the holder; renewing twice is refused and changes nothing", async () => {
    const { credential, actor, user } = await endorsedMidYear("Renata Renueva");
    expect(credential.renewal_due).toBe("2026-12-31");
    await addHours(actor, 2026);
    const renewed = await renewOn("2026-12-10", actor, credential.id);
    expect(renewed).toEqual({ ok: true, value: { nextDue: "2027-12-31", feeCents: 2500 } });
    expect((await credentialRow(credential.id)).renewal_due).toBe("2027-12-31");
    const [renewal] = await renewalsOf(credential.id);
    expect(renewal).toMatchObject({
      period_due: "2026-12-31",
      next_due: "2027-12-31",
      renewed_on: "2026-12-10",
      fee_cents: 2500,
      late_fee: false,
      status: "fee-due",
    });
    expect(renewal!.ethics_signed_at).toEqual(new Date("2026-12-10T15:00:00Z"));
    const audit = (await listAuditOfSubject(db, "credential", credential.id)).find((entry) => entry.action === "credential.renewed");
    expect(audit?.details).toMatchObject({ periodDue: "2026-12-31", nextDue: "2027-12-31", feeCents: 2500, lateFee: false });
    await inbox.waitFor((mail) => mail.to.includes(user.email) && mail.text.includes(`${credential.number} (Infant Family Specialist) is renewed`));

    const twice = await renewOn("2026-12-11", actor, credential.id);
    expect(twice).toMatchObject({ ok: false, errors: { form: "renewal.alreadyRenewed" } });
    expect((await credentialRow(credential.id)).renewal_due).toBe("2027-12-31");
    expect(await renewalsOf(credential.id)).toHaveLength(1);
  });

  it("refuses a revoked credential, and a renewal after the late date, changing nothing", async () => {
    const revoked = await endorsedMidYear("Rita Revocada");
    await addHours(revoked.actor, 2026);
    await moveCredentialStatus(app, { credentialId: revoked.credential.id, from: "active", to: "revoked", effectiveOn: "2026-11-01", changedBy: null });
    expect(await renewOn("2026-12-10", revoked.actor, revoked.credential.id)).toMatchObject({ ok: false, errors: { form: "renewal.notRenewable" } });
    expect(await renewalsOf(revoked.credential.id)).toEqual([]);
    expect((await credentialRow(revoked.credential.id)).renewal_due).toBe("2026-12-31");

    const late = await endorsedMidYear("Tomás Tardío");
    await addHours(late.actor, 2026);
    expect(await renewOn("2027-02-01", late.actor, late.credential.id)).toMatchObject({ ok: false, errors: { form: "renewal.pastLateDate" } });
    expect(await renewalsOf(late.credential.id)).toEqual([]);
    expect((await credentialRow(late.credential.id)).renewal_due).toBe("2026-12-31");
  });

  it("charges the late fee after the due date and makes a lapsed credential active again", async () => {
    const { credential, actor, user } = await endorsedMidYear("Lupe Lapsa");
    await addHours(actor, 2026);
    await moveCredentialStatus(app, { credentialId: credential.id, from: "active", to: "lapsed", effectiveOn: "2027-01-01", changedBy: null });
    const renewed = await renewOn("2027-01-20", actor, credential.id);
    expect(renewed).toEqual({ ok: true, value: { nextDue: "2027-12-31", feeCents: 5000 } });
    expect(await credentialRow(credential.id)).toMatchObject({ status: "active", renewal_due: "2027-12-31" });
    expect((await renewalsOf(credential.id))[0]).toMatchObject({ late_fee: true, fee_cents: 5000 });
    expect((await listCredentialStatusChanges(db, credential.id)).map((change) => change.to_status)).toEqual(["active", "lapsed", "active"]);
    await inbox.waitFor((mail) => mail.to.includes(user.email) && mail.text.includes("Fee due: $50.00"));
  });

  it("refuses short hours until staff grant a documented exception, which lets them through", async () => {
    const { credential, actor, staff, associationId } = await endorsedMidYear("Horacio Horas");
    await addHours(actor, 2026, { rsc: false });
    expect(await renewOn("2026-12-10", actor, credential.id)).toMatchObject({ ok: false, errors: { requirements: "renewal.hoursShort" } });
    const slug = (await db.selectFrom("associations").select("slug").where("id", "=", associationId).executeTakeFirstOrThrow()).slug;
    const staffClient = await app.clientAs(staff.user.id);
    const page = `/a/${slug}/renewals/${credential.id}`;
    expect((await staffClient.get(page)).text).toContain("Horacio Horas");
    const noReason = await staffClient.post(page, { intent: "exception", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(await db.selectFrom("renewal_exceptions").selectAll().where("credential_id", "=", credential.id).execute()).toEqual([]);
    expect((await staffClient.post(page, { intent: "exception", reason: "Medical leave for most of 2026" })).text).toContain("The exception is recorded.");
    const audit = (await listAuditOfSubject(db, "credential", credential.id)).find((entry) => entry.action === "renewal.exception-granted");
    expect(audit?.details).toMatchObject({ periodDue: "2026-12-31", reason: "Medical leave for most of 2026" });

    const renewed = await renewOn("2026-12-10", actor, credential.id);
    expect(renewed.ok).toBe(true);
    expect((await renewalsOf(credential.id))[0]).toMatchObject({ by_exception: true });

    const renewal = (await renewalsOf(credential.id))[0]!;
    expect((await staffClient.post(page, { intent: "renewal-fee", renewalId: renewal.id })).text).toContain("The renewal fee is recorded as received.");
    expect((await renewalsOf(credential.id))[0]).toMatchObject({ status: "fee-received", fee_recorded_by: staff.user.id });
    expect((await staffClient.get(`/a/${slug}/renewals?period=2026-12-31`)).text).toContain(credential.number);
  });

  it("shows the holder the form with the engine's verdicts and its errors next to the boxes; to anyone else it does not exist", async () => {
    const { credential, user } = await endorsedMidYear("Fina Formulario");
    const client = await app.clientAs(user.id);
    const form = await client.get(`/credentials/${credential.id}/renew`);
    expect(form.status).toBe(200);
    expect(form.text).toContain("What this renewal needs");
    expect(form.text).toContain("<strong>Current membership</strong>: not met");
    const unticked = await client.post(`/credentials/${credential.id}/renew`, { noSanction: "on" });
    expect(unticked.status).toBe(400);
    expect(unticked.text).toContain("Tick this box to sign the code of ethics and endorsement agreement again.");
    expect(await renewalsOf(credential.id)).toEqual([]);
    const other = await endorsedMidYear("Otra Persona");
    expect((await (await app.clientAs(other.user.id)).get(`/credentials/${credential.id}/renew`)).status).toBe(404);
    expect((await (await app.clientAs(other.staff.user.id)).get(`/credentials/${credential.id}/renew`)).status).toBe(404);
  });
});

describe("a person holding two categories", () => {
  it("renews both from one set of hours for one fee: each credential's renewal counts the same portfolio entries", async () => {
    const first = await endorsedMidYear("Dora Doble");
    const second = await buildSecondCredential(app, first, "ifa", at("2026-06-15"));
    expect(second.credential.user_id).toBe(first.user.id);
    await addHours(first.actor, 2026);
    expect(await renewOn("2026-12-10", first.actor, first.credential.id)).toMatchObject({ ok: true, value: { feeCents: 2500 } });
    // Several categories renew for one fee (S52): the second owes none this period.
    expect(await renewOn("2026-12-10", first.actor, second.credential.id)).toMatchObject({ ok: true, value: { feeCents: 0 } });
    await addHours(first.actor, 2027, { training: true });
    for (const held of [first, second])
      expect(await renewOn("2027-12-10", first.actor, held.credential.id)).toMatchObject({ ok: true, value: { nextDue: "2028-12-31" } });
    const counted = async (id: string) => {
      const renewal = (await renewalsOf(id)).find((row) => row.period_due === "2027-12-31")!;
      const report = renewal.report as { requirements: Array<{ id: string; counted: Array<{ entryId: string }> }> };
      return report.requirements
        .find((requirement) => requirement.id === "renewal-training")!
        .counted.map((entry) => entry.entryId)
        .sort();
    };
    expect(await counted(first.credential.id)).toEqual(["dei-2027", "training-2027"]);
    expect(await counted(second.credential.id)).toEqual(await counted(first.credential.id));
  });
});

describe("a credential's life", () => {
  it("goes through an on-time renewal, a lapse, removal and reinstatement, keeping its number and history, and the holder gets each mail", async () => {
    const holder = await endorsedMidYear("Vida Completa");
    const { credential, actor, user, staff, associationId } = holder;
    const mailTo = (text: string) => inbox.waitFor((mail) => mail.to.includes(user.email) && mail.text.includes(text));
    await addHours(actor, 2026);
    expect(await renewOn("2026-12-10", actor, credential.id)).toMatchObject({ ok: true, value: { nextDue: "2027-12-31", feeCents: 2500 } });
    await mailTo(`${credential.number} (Infant Family Specialist) is renewed; the next renewal is due on 2027-12-31`);

    // Not renewed in 2027: the daily job reminds, lapses it after the due date, warns, and removes it after the late date.
    const jobOn = (day: string) => doCredentialRenewals(commandsOf(app, at(day)));
    await jobOn("2027-12-01");
    await inbox.waitFor(
      (mail) =>
        mail.to.includes(user.email) && mail.text.includes(`${credential.number}`) && mail.text.includes("is due for renewal on 2027-12-31, in 30 days"),
    );
    await jobOn("2028-01-01");
    expect((await credentialRow(credential.id)).status).toBe("lapsed");
    await inbox.waitFor((mail) => mail.to.includes(user.email) && mail.text.includes("was not renewed by 2027-12-31 and has lapsed"));
    await jobOn("2028-01-26");
    await inbox.waitFor((mail) => mail.to.includes(user.email) && mail.text.includes("will be removed from the registry on 2028-02-01"));
    await jobOn("2028-02-01");
    await jobOn("2028-02-01");
    expect((await credentialRow(credential.id)).status).toBe("removed");
    expect(await renewOn("2028-02-02", actor, credential.id)).toMatchObject({ ok: false, errors: { form: "renewal.removed" } });

    const asked = await runCommand(commandsOf(app, at("2028-03-01")), askForReinstatement, actor, { credentialId: credential.id, attestsMembership: true });
    expect(asked.ok).toBe(true);
    await mailTo(`Your request to reinstate ${credential.number} is received`);
    const approve = (day: string) =>
      runCommand(commandsOf(app, at(day)), approveReinstatement, staff.actor, { associationId, reinstatementId: asked.ok ? asked.value.reinstatementId : "" });
    expect(await approve("2028-03-05")).toMatchObject({ ok: false, errors: { form: "reinstatement.ratingsShort" } });
    expect((await credentialRow(credential.id)).status).toBe("removed");

    await buildThreeRatings(app, holder, at("2028-03-10"));
    expect(await approve("2028-03-15")).toEqual({ ok: true, value: { renewalDue: "2028-12-31" } });
    const after = await credentialRow(credential.id);
    expect(after).toMatchObject({ status: "active", number: credential.number, renewal_due: "2028-12-31", issued_on: credential.issued_on });
    expect((await listCredentialStatusChanges(db, credential.id)).map((change) => [change.from_status, change.to_status, change.effective_on])).toEqual([
      [null, "active", "2026-06-15"],
      ["active", "lapsed", "2028-01-01"],
      ["lapsed", "removed", "2028-02-01"],
      ["removed", "active", "2028-03-15"],
    ]);
    await mailTo(`${credential.number} (Infant Family Specialist) is reinstated; the next renewal is due on 2028-12-31`);
    const actions = (await listAuditOfSubject(db, "credential", credential.id)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["credential.renewed", "credential.reinstatement-requested", "credential.reinstatement-approved"]));
  });
});
