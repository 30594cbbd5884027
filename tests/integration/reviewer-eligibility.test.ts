import { afterAll, describe, expect, it } from "vitest";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { buildMember } from "../setup/builders.ts";
import { buildAllianceAssociation, buildSubmittedApplication } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

const text = (html: string) => html.replaceAll("&#x27;", "'").replaceAll("&quot;", '"');
const year = new Date().getUTCFullYear();

/** An association with two submitted IFS applications (IFS is the Alliance's second category), its staff, and reviewers staff have not described yet. */
async function association() {
  const { db } = app.services;
  const home = await buildAllianceAssociation(app);
  const first = await buildSubmittedApplication(app, { associationId: home.id, name: "Ana Applicant" });
  const second = await buildSubmittedApplication(app, { associationId: home.id, name: "Bea Applicant" });
  const staff = await app.clientAs((await buildMember(db, home.id, "staff")).id);
  const reviewer = (name: string) => buildMember(db, home.id, "reviewer", { name });
  const profile = (userId: string, fields: Record<string, string>) =>
    staff.post(`/a/${home.slug}/reviewers/${userId}`, {
      endorsement: "alliance-iecmh-e/imhs",
      heldSince: "2020-01-01",
      maxOpen: "3",
      unavailable: "",
      ...fields,
    });
  const assign = (applicationId: string, reviewerId: string) =>
    staff.post(`/a/${home.slug}/applications`, { intent: "assign", applicationId, reviewer: reviewerId });
  return { home, first, second, staff, reviewer, profile, assign, list: `/a/${home.slug}/applications` };
}

describe("reviewers who may review (decision 026)", () => {
  it("staff record a profile; a lower category, a full load and a day away are refused with the reason, shown on the screen too; an eligible reviewer is assigned", async () => {
    const { first, second, staff, reviewer, profile, assign, list } = await association();
    const lower = await reviewer("Lia Lower");
    const full = await reviewer("Fay Full");
    const away = await reviewer("Ada Away");
    const able = await reviewer("Eva Able");
    expect((await profile(lower.id, { endorsement: "alliance-iecmh-e/ifa" })).status).toBe(200);
    expect((await profile(full.id, { maxOpen: "1" })).status).toBe(200);
    expect((await profile(away.id, { unavailable: `${year - 1}-01-01 to ${year + 1}-12-31` })).status).toBe(200);
    expect((await profile(able.id, {})).status).toBe(200);
    expect((await assign(second.applicationId, full.id)).status).toBe(200);

    const page = text((await staff.get(list)).text);
    expect(page).toContain("Fay Full: 1 of 1 open");
    expect(page).toContain("Eva Able: 0 of 3 open");
    expect(page).toContain("Not offered: Lia Lower, holds a lower category than this application's");
    expect(page).toContain("Not offered: Fay Full, already has as many open applications as staff allow.");
    expect(page).toContain("Not offered: Ada Away, unavailable today.");
    expect(page).toMatch(new RegExp(`<option value="${able.id}">Eva Able</option>`));
    expect(page).not.toMatch(new RegExp(`<option value="${lower.id}"`));

    for (const [who, reason] of [
      [lower, "This reviewer holds a lower category than this application's"],
      [full, "This reviewer already has as many open applications as staff allow."],
      [away, "This reviewer is unavailable today."],
    ] as const) {
      const refused = await assign(first.applicationId, who.id);
      expect(refused.status, who.name).toBe(400);
      expect(text(refused.text)).toMatch(new RegExp(`<p class="field-error" id="error-reviewer-${first.applicationId}">${reason}`));
    }
    const spanish = await staff.post(list, { intent: "assign", applicationId: first.applicationId, reviewer: away.id }, { "accept-language": "es" });
    expect(text(spanish.text)).toContain("Este revisor no está disponible hoy.");

    expect((await assign(second.applicationId, full.id)).status, "asking again for the application already theirs").toBe(200);
    expect((await assign(first.applicationId, able.id)).status).toBe(200);
    expect(text((await staff.get(list)).text)).toContain("Eva Able: 1 of 3 open");
    const audited = await listAuditOfSubject(app.services.db, "user", able.id);
    expect(audited.map((entry) => entry.action)).toContain("reviewer-profile.set");
  });

  it("refuses bad input with a message per field in both languages, and keeps what was typed", async () => {
    const { home, staff, reviewer } = await association();
    const rita = await reviewer("Rita Reviewer");
    const path = `/a/${home.slug}/reviewers/${rita.id}`;
    const fields = { endorsement: "alliance-iecmh-e/nope", heldSince: "2020-13-40", maxOpen: "0", unavailable: "from December 20" };
    const english = text((await staff.post(path, fields)).text);
    expect(english).toContain('id="error-heldSince">Enter a date like 2024-03-15.');
    expect(english).toContain('id="error-maxOpen">This number is too small.');
    expect(english).toContain('id="error-unavailable">Write each period on its own line');
    expect(english).toContain("from December 20</textarea>");
    const spanish = await staff.post(path, fields, { "accept-language": "es" });
    expect(spanish.status).toBe(400);
    expect(text(spanish.text)).toContain("Escriba cada periodo en su propia línea");

    const unknownCategory = await staff.post(path, { ...fields, heldSince: "2020-01-01", maxOpen: "2", unavailable: "" });
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.text).toContain('id="error-endorsement">Choose one of the options.');
  });

  it("lets only the association's staff set a profile, and only for its reviewers", async () => {
    const { home, reviewer } = await association();
    const rita = await reviewer("Rita Reviewer");
    const path = `/a/${home.slug}/reviewers/${rita.id}`;
    const fields = { endorsement: "alliance-iecmh-e/imhs", heldSince: "2020-01-01", maxOpen: "9", unavailable: "" };
    const asReviewer = await app.clientAs(rita.id);
    expect((await asReviewer.post(path, fields)).status).toBe(403);
    const other = await buildAllianceAssociation(app);
    const otherStaff = await app.clientAs((await buildMember(app.services.db, other.id, "staff")).id);
    expect((await otherStaff.post(path, fields)).status).toBe(403);
    const member = await buildMember(app.services.db, home.id, "member");
    const staff = await app.clientAs((await buildMember(app.services.db, home.id, "staff")).id);
    expect((await staff.get(`/a/${home.slug}/reviewers/${member.id}`)).status).toBe(404);
    expect(await listAuditOfSubject(app.services.db, "user", rita.id)).toEqual([]);
  });
});
