import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { assignAdvisor } from "../../src/commands/assign-advisor.ts";
import { submitApplication } from "../../src/commands/submit-application.ts";
import type { Framework } from "../../src/domain/framework-schema.ts";
import { buildDraftApplication, buildStaffAndReviewer, runOrThrow } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

const alliance = JSON.parse(readFileSync("frameworks/alliance-iecmh-e.json", "utf8")) as Framework;
const ifs = alliance.categories.find((category) => category.id === "ifs")!;

const mailTo = (address: string) => app.services.db.selectFrom("outbox").selectAll().where("to_address", "=", address).orderBy("created_at").execute();
const speaksSpanish = (userId: string) => app.services.db.updateTable("users").set({ locale: "es" }).where("id", "=", userId).execute();

describe("notices are catalogue messages rendered in each recipient's language when queued", () => {
  it("one submission: the Spanish-speaking applicant reads Spanish (the category's Spanish name), the English association English", async () => {
    const draft = await buildDraftApplication(app, { name: "Lupe Ortiz" });
    await speaksSpanish(draft.user.id);
    await runOrThrow(app, submitApplication, draft.actor, { applicationId: draft.applicationId, attests: true, signsEthics: true });
    const association = await app.services.db.selectFrom("associations").selectAll().where("id", "=", draft.associationId).executeTakeFirstOrThrow();

    // The mail and the Messages entry are this one row.
    const applicantRows = (await mailTo(draft.user.email)).filter((row) => row.kind === "application-submitted");
    expect(applicantRows.map((row) => row.subject)).toEqual([`Su solicitud para ${ifs.name.es} se envió a ${association.name}.`]);
    expect(applicantRows[0]?.text_body).toContain("Hola, Lupe Ortiz:");
    expect(applicantRows[0]?.html_body).toContain(`Su solicitud para ${ifs.name.es}`);

    const contactRows = (await mailTo(association.contact_email)).filter((row) => row.kind === "application-received");
    expect(contactRows.map((row) => row.subject)).toEqual([`Lupe Ortiz submitted an application for ${ifs.name.en}.`]);
    expect(contactRows[0]?.text_body).toContain("The Cradle team");
  });

  it("a notice with a person's name in it, in Spanish for an account in Spanish", async () => {
    const { user, associationId } = await buildDraftApplication(app, { name: "Marta Gil" });
    const { staff } = await buildStaffAndReviewer(app, associationId);
    await speaksSpanish(user.id);
    const candidacy = await app.services.db
      .insertInto("candidacies")
      .values({
        user_id: user.id,
        association_id: associationId,
        framework_id: "alliance-iecmh-e",
        category_id: "ifs",
        enrolled_at: new Date(),
        expires_at: new Date("2030-01-01T00:00:00Z"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await runOrThrow(app, assignAdvisor, staff.actor, { candidacyId: candidacy.id, advisorEmail: staff.user.email });
    const notice = (await mailTo(user.email)).find((row) => row.kind === "candidacy-advisor");
    expect(notice?.subject).toBe(`${staff.user.name} es ahora su asesor/a.`);
    expect(notice?.text_body).toContain("El equipo de Cradle");
  });
});
