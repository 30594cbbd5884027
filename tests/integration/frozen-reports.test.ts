import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { findSnapshot, insertSnapshot } from "../../src/data/applications.ts";
import { fingerprint } from "../../src/domain/fingerprint.ts";
import { buildApplicationInReview } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

/** The example portfolio's IFS report as the engine froze it before its words were messages ({en, es} pairs). */
const frozenBeforeMessages: unknown = JSON.parse(readFileSync("tests/fixtures/report-frozen-before-messages.json", "utf8"));

/** An application in review whose snapshot was frozen by the engine of before (as a database holding one from then). */
async function applicationFrozenBeforeMessages() {
  const { db } = app.services;
  const application = await buildApplicationInReview(app);
  const { portfolio } = (await findSnapshot(db, application.applicationId))!;
  const sha256 = fingerprint({ portfolio, report: frozenBeforeMessages });
  await db.deleteFrom("application_snapshots").where("application_id", "=", application.applicationId).execute();
  await insertSnapshot(db, { applicationId: application.applicationId, version: 1, portfolio, report: frozenBeforeMessages, sha256 });
  const { slug } = await db.selectFrom("associations").select("slug").where("id", "=", application.associationId).executeTakeFirstOrThrow();
  return { ...application, sha256, filePath: `/a/${slug}/applications/${application.applicationId}` };
}

describe("a snapshot frozen before the engine's words were messages", () => {
  it("shows its findings in the reviewer's file, in English and in Spanish, as it did", async () => {
    const { reviewer, filePath } = await applicationFrozenBeforeMessages();
    const english = await (await app.clientAs(reviewer.user.id)).get(filePath);
    expect(english.status).toBe(200);
    expect(english.text).toContain(
      "Reflective supervision/consultation received: 24 more hours needed (0 of 24). The hours must be spread over at least 12 months.",
    );
    expect(english.text).toContain("Sign the code of ethics and endorsement agreement (once a year).");

    await app.services.db.updateTable("users").set({ locale: "es" }).where("id", "=", reviewer.user.id).execute();
    const spanish = await (await app.clientAs(reviewer.user.id)).get(filePath);
    expect(spanish.text).toContain("Supervisión/consulta reflexiva recibida: faltan 24 horas (0 de 24). Las horas deben repartirse en al menos 12 meses.");
    expect(spanish.text).toContain("Firme el código de ética y el acuerdo de acreditación (una vez al año).");
  });

  it("still verifies: reading the file leaves the stored snapshot and its fingerprint as they were", async () => {
    const { reviewer, filePath, applicationId, sha256 } = await applicationFrozenBeforeMessages();
    const page = await (await app.clientAs(reviewer.user.id)).get(filePath);
    expect(page.text).toContain(sha256);
    const stored = (await findSnapshot(app.services.db, applicationId))!;
    expect(stored.report).toEqual(frozenBeforeMessages);
    expect(stored.sha256).toBe(sha256);
    expect(fingerprint({ portfolio: stored.portfolio, report: stored.report })).toBe(stored.sha256);
  });
});
