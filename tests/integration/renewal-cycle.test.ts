import { afterAll, describe, expect, it } from "vitest";
import { findRenewalCycle } from "../../src/data/renewal-cycles.ts";
import { defaultRenewalCycle } from "../../src/domain/renewal-cycle.ts";
import { buildAllianceAssociation, buildStaffAndReviewer } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());
const { db } = app.services;

const fields = {
  dueMonth: "12",
  dueDay: "15",
  renewalFee: "30",
  firstRenewalAfterMonths: "12",
  lateMonth: "2",
  lateDay: "15",
  lateFee: "25.50",
  removalDaysAfterLate: "14",
};

async function staffOfNewAssociation() {
  const association = await buildAllianceAssociation(app);
  const { staff } = await buildStaffAndReviewer(app, association.id);
  return { association, page: `/a/${association.slug}/renewal-cycle`, client: await app.clientAs(staff.user.id) };
}

describe("the association's renewal cycle page", () => {
  it("shows the default cycle until staff set their own, which is saved with an audit entry", async () => {
    const { association, page, client } = await staffOfNewAssociation();
    const form = await client.get(page);
    expect(form.status).toBe(200);
    expect(form.text).toContain("follows Cradle&#x27;s default cycle");
    expect(form.text).toContain('name="lateFee"');
    expect(form.text).toContain('value="25.00"');
    expect(await findRenewalCycle(db, association.id)).toEqual({ ...defaultRenewalCycle, isDefault: true });

    const saved = await client.post(page, fields);
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`${page}?saved=1`);
    expect(await findRenewalCycle(db, association.id)).toEqual({
      due: { month: 12, day: 15 },
      late: { month: 2, day: 15 },
      renewalFeeCents: 3000,
      lateFeeCents: 2550,
      removalDaysAfterLate: 14,
      firstRenewalAfterMonths: 12,
      isDefault: false,
    });
    const after = await client.get(`${page}?saved=1`);
    expect(after.text).toContain("The renewal cycle is saved.");
    expect(after.text).toMatch(/due on \d{4}-12-15, renewals taken with the late fee until \d{4}-02-15/);
    expect(after.text).toMatch(/\d{4}-12-08: renewal due in 7 days/);
    expect(after.text).toMatch(/\d{4}-02-22: the credential will be removed from the registry in 7 days/);

    const audit = await db
      .selectFrom("audit_log")
      .select(["details", "actor_user_id"])
      .where("action", "=", "renewal-cycle.set")
      .where("association_id", "=", association.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ from: null, to: { due: { month: 12, day: 15 }, lateFeeCents: 2550 } });

    expect((await client.post(page, fields)).status).toBe(302);
    expect(
      await db.selectFrom("audit_log").select("id").where("action", "=", "renewal-cycle.set").where("association_id", "=", association.id).execute(),
    ).toHaveLength(1);
  });

  it.each([
    [{ dueMonth: "2", dueDay: "31" }, "dueDay", "There is no such day"],
    [{ dueMonth: "2", dueDay: "29" }, "dueDay", "29 February is not in every year"],
    [{ lateMonth: "12", lateDay: "10" }, "lateDay", "The late date must come after the due date"],
    [{ lateFee: "-5" }, "lateFee", "Enter an amount of 0 or more"],
    [{ renewalFee: "ten" }, "renewalFee", "Enter an amount of 0 or more"],
    [{ removalDaysAfterLate: "0" }, "removalDaysAfterLate", "from 1 to 365"],
  ])("refuses %j with the error next to %s, keeps what was typed and changes nothing", async (change, field, message) => {
    const { association, page, client } = await staffOfNewAssociation();
    const answer = await client.post(page, { ...fields, ...change });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(`id="error-${field}"`);
    expect(answer.text).toContain(message);
    expect(answer.text).toContain(`aria-describedby="${field === "lateFee" || field === "removalDaysAfterLate" ? `hint-${field} ` : ""}error-${field}"`);
    for (const [name, value] of Object.entries(change)) if (!name.endsWith("Month")) expect(answer.text).toContain(`value="${value}"`);
    expect((await findRenewalCycle(db, association.id)).isDefault).toBe(true);
  });

  it("shows Spanish month names and messages to a Spanish speaker", async () => {
    const { page, client } = await staffOfNewAssociation();
    await client.post("/language", { locale: "es" });
    const form = await client.get(page);
    expect(form.text).toContain("Ciclo de renovación");
    expect(form.text).toContain("diciembre");
  });
});
