import { afterAll, describe, expect, it } from "vitest";
import { setLanguage } from "../../src/commands/set-language.ts";
import { setRenewalCycle } from "../../src/commands/set-renewal-cycle.ts";
import { addMonths, toDay, toIso, today } from "../../src/domain/dates.ts";
import { defaultRenewalCycle, lateDateAfter, removalDateAfter } from "../../src/domain/renewal-cycle.ts";
import { buildAllianceAssociation, buildCredential, buildSecondCredential, moveCredentialStatus, runOrThrow } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());
const { db } = app.services;

// The test associations are in New York: their today is the page's.
const todayThere = () => today("America/New_York", new Date());
const daysFromToday = (days: number) => toIso(toDay(todayThere()) + days);

/** Moves a credential's dates as if it had been issued over a year ago and renewed since: its period no longer holds the issue. */
async function issuedLongAgo(credentialId: string, renewalDue: string) {
  await db
    .updateTable("credentials")
    .set({ issued_on: daysFromToday(-400), renewal_due: renewalDue })
    .where("id", "=", credentialId)
    .execute();
}

function importTraining(client: Awaited<ReturnType<typeof app.clientAs>>, training: unknown[]) {
  const body = new FormData();
  body.set("csrf", client.csrfToken);
  body.set("kind", "json");
  body.set("file", new File([JSON.stringify({ training })], "p.json", { type: "application/json" }));
  return client.request("POST", "/portfolio/import", body);
}

describe("My credentials: the next renewal", () => {
  it("says where the credential stands and draws what the renewal still needs as bars with their numbers, in English and Spanish", async () => {
    const { credential, user, actor } = await buildCredential(app, { name: "Renata Barras" });
    const due = daysFromToday(20);
    await issuedLongAgo(credential.id, due);
    const client = await app.clientAs(user.id);
    const imported = await importTraining(client, [
      { id: "dei-course", title: "Equity in infant mental health", date: daysFromToday(-30), clockHours: 2, topics: ["dei"] },
      { id: "course", title: "Attachment", date: daysFromToday(-60), clockHours: 6 },
    ]);
    expect(imported.status).toBe(200);

    const page = await client.get("/credentials");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Next renewal");
    expect(page.text).toContain(`Due soon: renew by ${due}. The renewal fee is $25.00.`);
    const start = toIso(addMonths(toDay(due), -12) + 1);
    expect(page.text).toContain(`What your next renewal still needs, for the period from ${start} to ${due}:`);
    expect(page.text).toContain("Training this period");
    // The example portfolio's older training is entered, but outside the period.
    expect(page.text).toContain("All training: 38 h entered, 8 counted, 15 needed");
    expect(page.text).toContain("On diversity, equity and inclusion: 1 of 1 hour");
    expect(page.text).toContain("Other relationship-based training: 7 of 14 hours");
    expect(page.text).toContain("RS/C received this period: 24 h entered, 0 counted, 12 needed");
    expect(page.text).toMatch(/<progress value="7" max="14" aria-hidden="true"><\/progress>/);
    expect(page.text).not.toContain("This is your first period");

    await runOrThrow(app, setLanguage, actor, { locale: "es" });
    const spanish = await client.get("/credentials");
    expect(spanish.text).toContain("Próxima renovación");
    expect(spanish.text).toContain(`Vence pronto: renueve a más tardar el ${due}. La cuota de renovación es $25.00.`);
    expect(spanish.text).toContain("1 de 1 hora");
    expect(spanish.text).toContain("7 de 14 horas");
  });

  it("counts one portfolio's hours in full for each category held", async () => {
    const ifs = await buildCredential(app, { name: "Dora Dos" });
    // The same person endorsed in a second category of the association.
    await buildSecondCredential(app, ifs, "ifa");
    const due = daysFromToday(30);
    for (const { id } of await db.selectFrom("credentials").select("id").where("user_id", "=", ifs.user.id).execute()) await issuedLongAgo(id, due);
    const client = await app.clientAs(ifs.user.id);
    await importTraining(client, [{ id: "course", title: "Attachment", date: daysFromToday(-10), clockHours: 15, topics: ["dei"] }]);

    const page = await client.get("/credentials");
    expect(page.text.match(/All training: 45 h entered, 15 of 15 needed/g)).toHaveLength(2);
    expect(page.text.match(/Other relationship-based training: 14 of 14 hours/g)).toHaveLength(2);
  });

  it("says a lapsed credential's removal date, and shows no renewal for a suspended one", async () => {
    const association = await buildAllianceAssociation(app);
    const { credential, user, staff } = await buildCredential(app, { associationId: association.id });
    // Due 200 days ago, late 10 days later, removed a year after that.
    const due = daysFromToday(-200);
    const monthDay = (day: string) => ({ month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) });
    const cycle = { ...defaultRenewalCycle, due: monthDay(due), late: monthDay(toIso(toDay(due) + 10)), removalDaysAfterLate: 365 };
    await runOrThrow(app, setRenewalCycle, staff.actor, { associationId: association.id, ...cycle });
    await issuedLongAgo(credential.id, due);
    await moveCredentialStatus(app, {
      credentialId: credential.id,
      from: "active",
      to: "lapsed",
      effectiveOn: toIso(toDay(due) + 1),
      changedBy: null,
    });
    const client = await app.clientAs(user.id);
    const page = await client.get("/credentials");
    expect(page.text).toContain(
      `Lapsed: not renewed by ${lateDateAfter(cycle, due)}. It will be removed from the registry on ${removalDateAfter(cycle, due)}.`,
    );

    await moveCredentialStatus(app, { credentialId: credential.id, from: "lapsed", to: "suspended", effectiveOn: todayThere(), changedBy: staff.user.id });
    const suspended = await client.get("/credentials");
    expect(suspended.text).toContain(credential.number);
    expect(suspended.text).not.toContain("Next renewal");
  });
});
