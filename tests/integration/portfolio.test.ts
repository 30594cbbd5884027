import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setFrameworksOfAssociation } from "../../src/data/association-frameworks.ts";
import { findFormDraft } from "../../src/data/form-drafts.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { buildAssociation, buildMember, buildUser, signIn } from "../setup/builders.ts";
import { startTestApp, type TestApp } from "../setup/test-app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

async function member() {
  const association = await buildAssociation(app.services.db, { name: "South Carolina IMH" });
  await setFrameworksOfAssociation(app.services.db, association.id, ["alliance-iecmh-e"]);
  const user = await buildMember(app.services.db, association.id, "member");
  const client = await app.client();
  await signIn(app.services.db, client, user.id);
  return { user, client };
}

const training = { title: "Attachment basics", provider: "State AIMH", date: "2025-03-01", clockHours: "12", topics: "dei" };

describe("the portfolio editor", () => {
  it("adds an entry and shows it in the portfolio", async () => {
    const { user, client } = await member();
    const saved = await client.post("/portfolio/training/new", { ...training, intent: "save" });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/portfolio?saved=1#training");
    const { portfolio } = await findPortfolio(app.services.db, user.id);
    expect(portfolio.training).toMatchObject([{ title: "Attachment basics", clockHours: 12, topics: ["dei"], date: "2025-03-01" }]);
    const page = await client.get("/portfolio?saved=1");
    expect(page.text).toContain("Saved to your portfolio.");
    expect(page.text).toContain("Attachment basics · State AIMH · 2025-03-01 · 12 h");
  });

  it("keeps what was typed after an error, as a draft that survives leaving the page", async () => {
    const { user, client } = await member();
    const failed = await client.post("/portfolio/training/new", { ...training, date: "March 1st", clockHours: "", intent: "save" });
    expect(failed.status).toBe(400);
    expect(failed.text).toContain("Enter a date like 2024-03-15.");
    expect(failed.text).toContain("Enter the clock hours, or the academic course hours.");
    expect(failed.text).toContain('value="Attachment basics"');
    expect(failed.text).toContain('value="March 1st"');
    expect(await findFormDraft(app.services.db, user.id, "portfolio:training:new")).toMatchObject({ title: "Attachment basics", date: "March 1st" });

    const later = await client.get("/portfolio/training/new");
    expect(later.text).toContain("You have unsaved changes from before");
    expect(later.text).toContain('value="March 1st"');
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training).toEqual([]);

    await client.post("/portfolio/training/new", { ...training, intent: "save" });
    expect(await findFormDraft(app.services.db, user.id, "portfolio:training:new")).toBeUndefined();
  });

  it("autosaves a draft without touching the saved entry", async () => {
    const { user, client } = await member();
    await client.post("/portfolio/training/new", { ...training, intent: "save" });
    const [entry] = (await findPortfolio(app.services.db, user.id)).portfolio.training;
    const autosave = await client.post(`/portfolio/training/${entry!.id}`, { ...training, title: "Attachment basics, part 2", intent: "autosave" });
    expect(autosave.status).toBe(200);
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training[0]!.title).toBe("Attachment basics");
    expect((await client.get(`/portfolio/training/${entry!.id}`)).text).toContain('value="Attachment basics, part 2"');
  });

  it("edits and deletes an entry", async () => {
    const { user, client } = await member();
    await client.post("/portfolio/work/new", { role: "Home visitor", kind: "prevention", start: "2020-01-01", ages: "0-36", familiesServed: "12", paid: "on", relationshipFocused: "on", intent: "save" });
    const [job] = (await findPortfolio(app.services.db, user.id)).portfolio.work;
    expect(job).toMatchObject({ role: "Home visitor", ages: { fromMonths: 0, toMonths: 36 }, familiesServed: 12, paid: true, withParents: false });
    await client.post(`/portfolio/work/${job!.id}`, { role: "Lead home visitor", kind: "prevention", start: "2020-01-01", intent: "save" });
    expect((await findPortfolio(app.services.db, user.id)).portfolio.work[0]!.role).toBe("Lead home visitor");
    const deleted = await client.post("/portfolio", { section: "work", entryId: job!.id });
    expect(deleted.location).toBe("/portfolio?deleted=1#work");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.work).toEqual([]);
  });

  it("does not let one person read or change another's entries", async () => {
    const { user, client } = await member();
    await client.post("/portfolio/training/new", { ...training, intent: "save" });
    const [entry] = (await findPortfolio(app.services.db, user.id)).portfolio.training;
    const stranger = await app.client();
    await signIn(app.services.db, stranger, (await buildUser(app.services.db)).id);
    expect((await stranger.get(`/portfolio/training/${entry!.id}`)).status).toBe(404);
    expect((await stranger.post("/portfolio", { section: "training", entryId: entry!.id })).status).toBe(404);
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training).toHaveLength(1);
  });
});

describe("live progress", () => {
  it("shows each category of the person's associations with numbers that change as entries are added", async () => {
    const { client } = await member();
    const before = await client.get("/progress");
    expect(before.status).toBe(200);
    expect(before.text).toContain("South Carolina IMH");
    expect(before.text).toContain("IFS: Infant Family Specialist");
    expect(before.text).toContain("Relationship-based training on infant and early childhood mental health: 0 of 30 hours");
    await client.post("/portfolio/training/new", { ...training, intent: "save" });
    const after = await client.get("/progress");
    expect(after.text).toContain("Relationship-based training on infant and early childhood mental health: 12 of 30 hours");
    expect(after.text).toContain("18 more hours needed (12 of 30).");
    expect(after.text).not.toContain("California");
  });

  it("speaks Spanish", async () => {
    const { client } = await member();
    await client.post("/language", { locale: "es", redirectTo: "/progress" });
    const page = await client.get("/progress");
    expect(page.text).toContain("Mi progreso");
    expect(page.text).toContain("0 de 30 horas");
  });

  it("tells someone without an association what to do", async () => {
    const client = await app.client();
    await signIn(app.services.db, client, (await buildUser(app.services.db)).id);
    expect((await client.get("/progress")).text).toContain("You are not a member of an association yet.");
  });
});
