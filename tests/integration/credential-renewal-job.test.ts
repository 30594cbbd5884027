import { afterAll, describe, expect, it } from "vitest";
import { setLanguage } from "../../src/commands/set-language.ts";
import { setRenewalCycle } from "../../src/commands/set-renewal-cycle.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { listCredentialStatusChanges } from "../../src/data/credentials.ts";
import { toDay, toIso } from "../../src/domain/dates.ts";
import { doCredentialRenewals } from "../../src/jobs/credential-renewals.ts";
import { buildAllianceAssociation, buildCredential, commandsOf, moveCredentialStatus, runOrThrow } from "../setup/state-builders.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);
const { db } = app.services;

const shift = (day: string, days: number) => toIso(toDay(day) + days);
/** The job as it runs at noon UTC on a day (the same day in New York, where the test associations are). */
const runOn = (day: string, options?: { batchSize: number }) =>
  doCredentialRenewals(
    commandsOf(app, () => new Date(`${day}T12:00:00Z`)),
    options,
  );

async function remindersTo(userId: string) {
  const rows = await db
    .selectFrom("outbox")
    .select(["kind", "subject"])
    .where("user_id", "=", userId)
    .where("kind", "like", "credential-renewal-%")
    .orderBy("created_at")
    .execute();
  return rows.map((row) => row.kind.replace("credential-renewal-", ""));
}

async function statusOf(credentialId: string) {
  return (await db.selectFrom("credentials").select("status").where("id", "=", credentialId).executeTakeFirstOrThrow()).status;
}

async function historyOf(credentialId: string) {
  return (await listCredentialStatusChanges(db, credentialId)).map(
    (change) => `${change.from_status}→${change.to_status} ${change.effective_on} ${change.changed_by ?? "system"}`,
  );
}

describe("the daily renewal job, on the default cycle (due 31 December, late until 31 January, removed the day after)", () => {
  it("reminds at 60, 30 and 7 days, lapses the day after the due date, reminds before removal and removes, each once", async () => {
    const { credential, user } = await buildCredential(app, { name: "Rita Renewal" });
    const due = credential.renewal_due;
    expect(due.slice(5)).toBe("12-31");
    const late = `${Number(due.slice(0, 4)) + 1}-01-31`;
    const removal = shift(late, 1);

    await runOn(shift(due, -61));
    expect(await remindersTo(user.id)).toEqual([]);
    expect(await runOn(shift(due, -60))).toEqual({ lapsed: 0, removed: 0, reminders: 1 });
    expect(await runOn(shift(due, -60))).toEqual({ lapsed: 0, removed: 0, reminders: 0 });
    await runOn(shift(due, -31));
    expect(await remindersTo(user.id)).toEqual(["due-in-60"]);
    await runOn(shift(due, -30));
    await runOn(shift(due, -8));
    await runOn(shift(due, -7));
    await runOn(due);
    expect(await remindersTo(user.id)).toEqual(["due-in-60", "due-in-30", "due-in-7"]);
    expect(await statusOf(credential.id)).toBe("active");

    expect(await runOn(shift(due, 1))).toEqual({ lapsed: 1, removed: 0, reminders: 1 });
    expect(await runOn(shift(due, 1))).toEqual({ lapsed: 0, removed: 0, reminders: 0 });
    expect(await statusOf(credential.id)).toBe("lapsed");
    await runOn(shift(removal, -8));
    expect(await remindersTo(user.id)).toEqual(["due-in-60", "due-in-30", "due-in-7", "lapsed"]);
    await runOn(shift(removal, -7));
    await runOn(late);
    expect(await remindersTo(user.id)).toEqual(["due-in-60", "due-in-30", "due-in-7", "lapsed", "removal-soon"]);
    expect(await statusOf(credential.id)).toBe("lapsed");

    expect(await runOn(removal)).toEqual({ lapsed: 0, removed: 1, reminders: 0 });
    expect(await runOn(shift(removal, 1))).toEqual({ lapsed: 0, removed: 0, reminders: 0 });
    expect(await statusOf(credential.id)).toBe("removed");
    expect(await remindersTo(user.id)).toHaveLength(5);
    expect((await historyOf(credential.id)).slice(1)).toEqual([`active→lapsed ${shift(due, 1)} system`, `lapsed→removed ${removal} system`]);
    const audit = await listAuditOfSubject(db, "credential", credential.id);
    expect(audit.map((entry) => entry.action)).toEqual(Array(6).fill("credential.daily-renewal-work"));

    const first = await inbox.waitFor((mail) => mail.to.includes(user.email) && mail.subject.includes("in 60 days"));
    expect(first.subject).toContain(`Your Infant Family Specialist credential ${credential.number}`);
    expect(first.text).toContain(
      `is due for renewal on ${due}, in 60 days. The renewal fee is $25.00; after the due date a late fee of $25.00 is added, until ${late}.`,
    );
    expect(first.text).toContain(`${app.url}/credentials`);
    const lapsed = await inbox.waitFor((mail) => mail.to.includes(user.email) && mail.subject.includes("has lapsed"));
    expect(lapsed.text).toContain(
      `was not renewed by ${due} and has lapsed. You can still renew it until ${late}: the renewal fee of $25.00 plus the late fee of $25.00.`,
    );
    const removalSoon = await inbox.waitFor((mail) => mail.to.includes(user.email) && mail.subject.includes("will be removed"));
    expect(removalSoon.text).toContain(`will be removed from the registry on ${removal}.`);
    await inbox.waitFor((mail) => mail.to.includes(user.email) && mail.subject.includes("in 7 days"));
  });

  it("writes to a Spanish holder in Spanish, by mail and in their Messages", async () => {
    const { credential, user, actor } = await buildCredential(app, { name: "Sofía Renovación" });
    await runOrThrow(app, setLanguage, actor, { locale: "es" });
    const due = credential.renewal_due;
    await runOn(shift(due, -30));
    const mail = await inbox.waitFor((received) => received.to.includes(user.email) && received.subject.includes(credential.number));
    expect(mail.text).toContain(`Su credencial ${credential.number} de Especialista Familiar de la Infancia`);
    expect(mail.text).toContain(`debe renovarse el ${due}, dentro de 30 días. La cuota de renovación es $25.00`);
    const messages = await (await app.clientAs(user.id)).get("/inbox");
    expect(messages.text).toContain(`Su credencial ${credential.number}`);
  });

  it("does the work a stopped job missed: both steps of the history, on their own days, and no stale reminder", async () => {
    const { credential, user } = await buildCredential(app);
    const due = credential.renewal_due;
    const removal = `${Number(due.slice(0, 4)) + 1}-02-01`;
    await runOn(shift(removal, 3));
    expect(await statusOf(credential.id)).toBe("removed");
    expect((await historyOf(credential.id)).slice(1)).toEqual([`active→lapsed ${shift(due, 1)} system`, `lapsed→removed ${removal} system`]);
    expect(await remindersTo(user.id)).toEqual([]);
  });

  it("leaves a suspended credential alone", async () => {
    const { credential, user, staff } = await buildCredential(app);
    const due = credential.renewal_due;
    await moveCredentialStatus(app, {
      credentialId: credential.id,
      from: "active",
      to: "suspended",
      effectiveOn: shift(due, -90),
      changedBy: staff.user.id,
    });
    for (const day of [shift(due, -60), shift(due, -7), shift(due, 1), `${Number(due.slice(0, 4)) + 1}-02-01`]) await runOn(day);
    expect(await statusOf(credential.id)).toBe("suspended");
    expect(await remindersTo(user.id)).toEqual([]);
    expect(await historyOf(credential.id)).toHaveLength(2);
  });

  it("sends nothing twice when two runs race, and pages through every credential", async () => {
    const association = await buildAllianceAssociation(app);
    const credentials = [];
    for (let i = 0; i < 3; i++) credentials.push(await buildCredential(app, { associationId: association.id }));
    const due = credentials[0]!.credential.renewal_due;
    const both = await Promise.all([runOn(shift(due, -7), { batchSize: 2 }), runOn(shift(due, -7), { batchSize: 2 })]);
    expect(both.map((counts) => counts.reminders).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(3);
    for (const { user } of credentials) expect(await remindersTo(user.id)).toEqual(["due-in-7"]);
  });
});

describe("an association's own cycle", () => {
  it("follows its due and late dates, fees and removal days", async () => {
    const association = await buildAllianceAssociation(app);
    const { credential: first, staff } = await buildCredential(app, { associationId: association.id });
    await runOrThrow(app, setRenewalCycle, staff.actor, {
      associationId: association.id,
      due: { month: 6, day: 30 },
      late: { month: 8, day: 15 },
      renewalFeeCents: 4000,
      lateFeeCents: 1550,
      removalDaysAfterLate: 30,
      firstRenewalAfterMonths: 0,
    });
    const { credential, user } = await buildCredential(app, { associationId: association.id });
    const due = credential.renewal_due;
    expect(due.slice(5)).toBe("06-30");
    const late = `${due.slice(0, 4)}-08-15`;
    const removal = shift(late, 30);

    await runOn(shift(due, -60));
    const mail = await inbox.waitFor((received) => received.to.includes(user.email) && received.subject.includes(credential.number));
    expect(mail.text).toContain(
      `is due for renewal on ${due}, in 60 days. The renewal fee is $40.00; after the due date a late fee of $15.50 is added, until ${late}.`,
    );

    await runOn(shift(due, 1));
    expect(await statusOf(credential.id)).toBe("lapsed");
    await runOn(late);
    await runOn(shift(removal, -1));
    expect(await statusOf(credential.id)).toBe("lapsed");
    expect(await remindersTo(user.id)).toEqual(["due-in-60", "lapsed", "removal-soon"]);
    await runOn(removal);
    expect(await statusOf(credential.id)).toBe("removed");
    // The credential issued before the change keeps its stored due date.
    expect((await db.selectFrom("credentials").select("renewal_due").where("id", "=", first.id).executeTakeFirstOrThrow()).renewal_due).toBe(first.renewal_due);
  });
});
