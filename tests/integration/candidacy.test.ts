import { afterAll, describe, expect, it } from "vitest";
import { sendCandidacyReminders } from "../../src/jobs/candidacy-reminders.ts";
import { commandContext } from "../../src/server/services.ts";
import { setFrameworksOfAssociation } from "../../src/data/association-frameworks.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { buildAssociation, buildMember } from "../setup/builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

describe("candidate status", () => {
  it("enrols for 5 years with the association's fee, gets an advisor from staff, and is seen only by those entitled", async () => {
    const center = await buildAssociation(app.services.db, { slug: "ca-center-test", name: "California Center" });
    await app.services.db.updateTable("associations").set({ candidate_fee_cents: 9500 }).where("id", "=", center.id).execute();
    await setFrameworksOfAssociation(app.services.db, center.id, ["california-ifecmh"]);
    const candidate = await buildMember(app.services.db, center.id, "member", { name: "Carmen Luna" });
    const staff = await buildMember(app.services.db, center.id, "staff");
    const advisor = await buildMember(app.services.db, center.id, "reviewer", { name: "Ada Advisor", email: "ada@example.org" });
    const otherMember = await buildMember(app.services.db, center.id, "member");

    const client = await app.clientAs(candidate.id);
    const page = await client.get("/applications");
    expect(page.text).toContain("Become a candidate");
    const choice = page.text.match(/value="([^"]+\|california-ifecmh\|tmhp)"/)![1]!;
    expect((await client.post("/applications", { choice, intent: "candidate" })).text).toContain("You are now a candidate.");
    expect((await client.post("/applications", { choice, intent: "candidate" })).text).toContain("You are already a candidate for this category.");

    const row = await app.services.db.selectFrom("candidacies").selectAll().where("user_id", "=", candidate.id).executeTakeFirstOrThrow();
    expect(row.fee_cents).toBe(9500);
    expect(row.expires_at.getUTCFullYear() - row.enrolled_at.getUTCFullYear()).toBe(5);
    expect((await listAuditOfSubject(app.services.db, "candidacy", row.id)).map((e) => e.action)).toEqual(["candidacy.enrolled"]);

    const staffClient = await app.clientAs(staff.id);
    const refused = await staffClient.post("/a/ca-center-test/candidates", { candidacyId: row.id, advisorEmail: "nobody@example.org" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("This person has no role in the association.");
    expect((await staffClient.post("/a/ca-center-test/candidates", { candidacyId: row.id, advisorEmail: "ada@example.org" })).text).toContain(
      "The advisor was assigned.",
    );

    const progressPath = `/candidates/${row.id}`;
    const advisorView = await (await app.clientAs(advisor.id)).get(progressPath);
    expect(advisorView.status).toBe(200);
    expect(advisorView.text).toContain("Carmen Luna");
    expect(advisorView.text).toContain("Advisor: Ada Advisor");
    expect((await staffClient.get(progressPath)).status).toBe(200);
    expect((await client.get(progressPath)).status).toBe(200);
    // Whether someone is a candidate is theirs to tell: anyone else is told there is no such page.
    expect((await (await app.clientAs(otherMember.id)).get(progressPath)).status).toBe(404);
  });

  it("reminds the candidate 12, 6 and 1 month before the status ends, once each", async () => {
    const center = await buildAssociation(app.services.db);
    const person = await buildMember(app.services.db, center.id, "member");
    const expires = new Date("2030-06-30T00:00:00Z");
    await app.services.db
      .insertInto("candidacies")
      .values({
        user_id: person.id,
        association_id: center.id,
        framework_id: "california-ifecmh",
        category_id: "mhs",
        enrolled_at: new Date("2025-06-30T00:00:00Z"),
        expires_at: expires,
        fee_cents: null,
      })
      .execute();
    const at = (iso: string) => ({ ...commandContext(app.services), now: () => new Date(iso) });
    const countFor = async () =>
      (await app.services.db.selectFrom("outbox").select("id").where("user_id", "=", person.id).where("kind", "=", "candidacy-reminder").execute()).length;
    await sendCandidacyReminders(at("2029-06-29T00:00:00Z"));
    expect(await countFor()).toBe(0);
    await sendCandidacyReminders(at("2029-07-01T00:00:00Z"));
    await sendCandidacyReminders(at("2029-07-02T00:00:00Z"));
    expect(await countFor()).toBe(1);
    await sendCandidacyReminders(at("2030-01-01T00:00:00Z"));
    expect(await countFor()).toBe(2);
    await sendCandidacyReminders(at("2030-06-01T00:00:00Z"));
    expect(await countFor()).toBe(3);
    await sendCandidacyReminders(at("2030-06-20T00:00:00Z"));
    expect(await countFor()).toBe(3);
  });
});
