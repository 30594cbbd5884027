import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/define-command.ts";
import { saveWrittenStatement } from "../../src/commands/save-written-statement.ts";
import { setFrameworksOfAssociation } from "../../src/data/association-frameworks.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { person } from "../../src/policies/actor.ts";
import { commandsOf } from "../setup/state-builders.ts";
import { findFormDraft } from "../../src/data/form-drafts.ts";
import { findPortfolio, writePortfolio } from "../../src/data/portfolios.ts";
import { buildAssociation, buildMember, buildUser, signIn } from "../setup/builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

async function member(association = { name: "South Carolina IMH", framework: "alliance-iecmh-e" }) {
  const { id } = await buildAssociation(app.services.db, { name: association.name });
  await setFrameworksOfAssociation(app.services.db, id, [association.framework]);
  const user = await buildMember(app.services.db, id, "member");
  const client = await app.clientAs(user.id);
  return { user, client };
}

const training = { title: "Attachment basics", provider: "State AIMH", date: "2025-03-01", clockHours: "12", topics: "dei" };
/** A job saved before end dates were checked against start dates. */
const storedJob = { role: "Home visitor", kind: "prevention", start: "2021-03-01", end: "2020-12-31" };

/** What the person's portfolio history says happened, oldest first: each action with its details. */
async function historyOf(userId: string) {
  const entries = await listAuditOfSubject(app.services.db, "portfolio", userId);
  return entries.map((entry) => ({ action: entry.action, actor: entry.actor_user_id, ...entry.details }));
}

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
    await client.post("/portfolio/work/new", {
      role: "Home visitor",
      kind: "prevention",
      start: "2020-01-01",
      ages: "0-36",
      familiesServed: "12",
      paid: "on",
      relationshipFocused: "on",
      intent: "save",
    });
    const [job] = (await findPortfolio(app.services.db, user.id)).portfolio.work;
    expect(job).toMatchObject({ role: "Home visitor", ages: { fromMonths: 0, toMonths: 36 }, familiesServed: 12, paid: true, withParents: false });
    await client.post(`/portfolio/work/${job!.id}`, { role: "Lead home visitor", kind: "prevention", start: "2020-01-01", intent: "save" });
    expect((await findPortfolio(app.services.db, user.id)).portfolio.work[0]!.role).toBe("Lead home visitor");
    const beforeDelete = (await findPortfolio(app.services.db, user.id)).portfolio.work;
    const deleted = await client.post("/portfolio", { section: "work", entryId: job!.id, intent: "delete" });
    expect(deleted.location).toBe("/portfolio?deleted=work#work");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.work).toEqual([]);
    const notice = (await client.get(deleted.location!)).text;
    expect(notice).toContain("The entry was deleted.");
    expect(notice).toContain("Undo: put it back");
    const undone = await client.post("/portfolio", { section: "work", intent: "undo" });
    expect(undone.location).toBe("/portfolio?restored=1#work");
    expect((await client.get(undone.location!)).text).toContain("The entry is back in your portfolio.");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.work).toEqual(beforeDelete);
    const again = await client.post("/portfolio", { section: "work", intent: "undo" });
    expect(again.status).toBe(400);
    expect(again.text).toContain("There is no deleted entry to put back.");
    expect(await historyOf(user.id)).toEqual([
      { action: "portfolio-entry.saved", actor: user.id, section: "work", entryId: job!.id, added: true },
      { action: "portfolio-entry.saved", actor: user.id, section: "work", entryId: job!.id, added: false },
      { action: "portfolio-entry.deleted", actor: user.id, section: "work", entryId: job!.id },
      { action: "portfolio-entry.restored", actor: user.id, section: "work", entryId: job!.id },
    ]);
  });

  it("discards a kept draft when asked, and says so in the portfolio's history", async () => {
    const { user, client } = await member();
    await client.post("/portfolio/training/new", { ...training, date: "March 1st", intent: "save" });
    expect((await client.get("/portfolio/training/new")).text).toContain("You have unsaved changes from before");
    const discarded = await client.post("/portfolio/training/new", { intent: "discard" });
    expect(discarded.status).toBe(302);
    expect(await findFormDraft(app.services.db, user.id, "portfolio:training:new")).toBeUndefined();
    const later = await client.get("/portfolio/training/new");
    expect(later.text).not.toContain("You have unsaved changes from before");
    expect(later.text).not.toContain('value="March 1st"');
    await client.post("/portfolio/training/new", { intent: "discard" });
    expect(await historyOf(user.id)).toEqual([
      { action: "portfolio-draft.kept", actor: user.id, section: "training", entryId: null },
      { action: "portfolio-draft.discarded", actor: user.id, section: "training", entryId: null },
    ]);
  });

  it("draws an entry's form from its schema, in Spanish, with each error next to its field and what was typed kept", async () => {
    const { client } = await member();
    await client.post("/language", { locale: "es", redirectTo: "/portfolio" });
    const form = await client.get("/portfolio/work/new");
    expect(form.text).toContain('<label for="field-role">Puesto</label>');
    expect(form.text).toMatch(/<input id="field-paid" type="checkbox" name="paid" [^>]*checked=""/);
    const failed = await client.post("/portfolio/work/new", { role: "Visitadora", start: "ayer", familiesServed: "doce", intent: "save" });
    expect(failed.status).toBe(400);
    expect(failed.text).toMatch(
      /<p class="field-error" id="error-start">Escriba una fecha como 2024-03-15\.<\/p><input id="field-start" aria-invalid="true" [^>]*value="ayer"/,
    );
    expect(failed.text).toContain('<p class="field-error" id="error-familiesServed">Escriba un número.</p>');
    expect(failed.text).toContain('value="Visitadora"');
  });

  it("refuses a job that ends before it starts, with the error at the end date and in the summary, keeping what was typed", async () => {
    const { user, client } = await member();
    const job = { role: "Home visitor", employer: "First 5", start: "2021-03-01", end: "2020-12-31", intent: "save" };
    const failed = await client.post("/portfolio/work/new", job);
    expect(failed.status).toBe(400);
    expect(failed.text).toMatch(
      /<p class="field-error" id="error-end">The end date must be on or after the start date\.<\/p><input id="field-end" aria-invalid="true" [^>]*value="2020-12-31"/,
    );
    expect(failed.text).toContain('<a href="#field-end">End date: The end date must be on or after the start date.</a>');
    expect(failed.text).toContain('value="2021-03-01"');
    expect(failed.text).toContain('value="First 5"');
    expect((await findPortfolio(app.services.db, user.id)).portfolio.work).toEqual([]);

    const oneDay = await client.post("/portfolio/work/new", { ...job, end: "2021-03-01" });
    expect(oneDay.status).toBe(302);
    expect((await findPortfolio(app.services.db, user.id)).portfolio.work).toMatchObject([{ start: "2021-03-01", end: "2021-03-01" }]);
  });

  it("refuses a licence that expires before it was issued, in Spanish too; a draft may keep the unfinished range", async () => {
    const { user, client } = await member();
    await client.post("/language", { locale: "es", redirectTo: "/portfolio" });
    const licence = { type: "LCSW", issued: "2022-01-15", expires: "2020-01-15" };
    const autosaved = await client.post("/portfolio/licences/new", { ...licence, intent: "autosave" });
    expect(autosaved.status).toBe(200);
    expect(await findFormDraft(app.services.db, user.id, "portfolio:licences:new")).toMatchObject(licence);

    const failed = await client.post("/portfolio/licences/new", { ...licence, intent: "save" });
    expect(failed.status).toBe(400);
    expect(failed.text).toContain('<p class="field-error" id="error-expires">La fecha de vencimiento debe ser igual o posterior a la fecha de emisión.</p>');
    expect(failed.text).toContain('value="LCSW"');
    expect((await findPortfolio(app.services.db, user.id)).portfolio.licences).toEqual([]);
  });

  it("opens a job kept before its dates were checked, and saves other entries beside it", async () => {
    const { user, client } = await member();
    await client.post("/portfolio/training/new", { ...training, intent: "save" });
    const { portfolio } = await findPortfolio(app.services.db, user.id);
    const kept = { ...portfolio, work: [{ ...storedJob, id: "work-old" }] };
    await writePortfolio(app.services.db, user.id, kept as typeof portfolio, new Date());
    expect((await client.get("/portfolio")).status).toBe(200);
    const opened = await client.get("/portfolio/work/work-old");
    expect(opened.status).toBe(200);
    expect(opened.text).toContain('value="2020-12-31"');
    expect((await client.post("/portfolio/reading/new", { title: "Infants", date: "2024-02-10", hours: "2", intent: "save" })).status).toBe(302);
    expect((await client.post("/portfolio/work/work-old", { ...storedJob, intent: "save" })).status).toBe(400);
    expect((await client.post("/portfolio/work/work-old", { ...storedJob, end: "2021-12-31", intent: "save" })).status).toBe(302);
  });

  it("does not let one person read or change another's entries", async () => {
    const { user, client } = await member();
    await client.post("/portfolio/training/new", { ...training, intent: "save" });
    const [entry] = (await findPortfolio(app.services.db, user.id)).portfolio.training;
    const stranger = await app.clientAs((await buildUser(app.services.db)).id);
    expect((await stranger.get(`/portfolio/training/${entry!.id}`)).status).toBe(404);
    expect((await stranger.post("/portfolio", { section: "training", entryId: entry!.id, intent: "delete" })).status).toBe(404);
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training).toHaveLength(1);
  });
});

describe("an action asked for something the page does not do", () => {
  it("refuses an unknown intent on an entry's form with 400, saving nothing and keeping no draft", async () => {
    const { user, client } = await member();
    const refused = await client.post("/portfolio/training/new", { ...training, intent: "publish" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("This form asked for something this page does not do.");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training).toEqual([]);
    expect(await findFormDraft(app.services.db, user.id, "portfolio:training:new")).toBeUndefined();
    expect(await historyOf(user.id)).toEqual([]);
  });

  it("refuses an unknown intent on the statement with 400, saving no statement and no draft", async () => {
    const { user, client } = await member();
    const refused = await client.post("/portfolio/statement", { text: "My statement.", intent: "publish" });
    expect(refused.status).toBe(400);
    expect((await findPortfolio(app.services.db, user.id)).portfolio.documents).toEqual([]);
    expect(await findFormDraft(app.services.db, user.id, "portfolio:statement")).toBeUndefined();
    expect(await historyOf(user.id)).toEqual([]);
  });

  it("refuses an unknown or missing intent on the portfolio page with 400, deleting nothing", async () => {
    const { user, client } = await member();
    await client.post("/portfolio/training/new", { ...training, intent: "save" });
    const [entry] = (await findPortfolio(app.services.db, user.id)).portfolio.training;
    for (const intent of [{ intent: "archive" }, {}] as Array<Record<string, string>>) {
      const refused = await client.post("/portfolio", { section: "training", entryId: entry!.id, ...intent });
      expect(refused.status).toBe(400);
    }
    expect((await findPortfolio(app.services.db, user.id)).portfolio.training).toHaveLength(1);
    expect((await historyOf(user.id)).map((item) => item.action)).toEqual(["portfolio-entry.saved"]);
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

  it("explains the closest categories and places the others, each explained on asking", async () => {
    const { client } = await member();
    const page = (await client.get("/progress")).text;
    const explained = [...page.matchAll(/<details open="" class="category"/g)].length;
    expect(explained).toBe(3);
    const link = /href="\/progress(\?open=alliance-iecmh-e%2F([a-z-]+)#[^"]+)"[^>]*>See what is met and missing for ([A-Z-]+)</.exec(
      page.replaceAll("&amp;", "&"),
    );
    expect(link, "a category placed but not explained").not.toBeNull();
    const [, href, , abbreviation] = link!;
    const opened = (await client.get(`/progress${href!.split("#")[0]}`)).text;
    expect([...opened.matchAll(/<details open="" class="category"/g)].length).toBe(4);
    expect(opened).not.toContain(`See what is met and missing for ${abbreviation}<`);
  });

  it("speaks Spanish", async () => {
    const { client } = await member();
    await client.post("/language", { locale: "es", redirectTo: "/progress" });
    const page = await client.get("/progress");
    expect(page.text).toContain("Mi progreso");
    expect(page.text).toContain("0 de 30 horas");
  });

  it("shows the hours entered beside those counted and needed, in English and Spanish", async () => {
    const { client } = await member();
    await client.post("/portfolio/training/new", { ...training, clockHours: "20", intent: "save" });
    await client.post("/portfolio/training/new", { ...training, title: "Attachment in practice", clockHours: "14", intent: "save" });
    const page = (await client.get("/progress")).text;
    expect(page).toContain("Relationship-based training on infant and early childhood mental health: 34 h entered, 30 of 30 needed");
    expect(page).toContain("“Entered” is every hour your portfolio lists");
    await client.post("/language", { locale: "es", redirectTo: "/progress" });
    expect((await client.get("/progress")).text).toContain("34 h registradas, 30 de 30 necesarias");
  });

  it("says when hours entered did not all count, and points to the portfolio where each entry says why", async () => {
    const { client } = await member();
    await client.post("/portfolio/training/new", { ...training, intent: "save" });
    // The same training typed twice counts once.
    await client.post("/portfolio/training/new", { ...training, intent: "save" });
    const page = (await client.get("/progress")).text;
    expect(page).toContain("Relationship-based training on infant and early childhood mental health: 24 h entered, 12 counted, 30 needed");
    // The portfolio gives the reasons for the categories worked toward.
    expect(page).toMatch(/Work toward [A-Z-]+ and My portfolio says why for each entry\./);
    await client.post("/progress", { intent: "target", category: "alliance-iecmh-e/ifs" });
    expect((await client.get("/portfolio")).text).toContain("Does not count for IFS: the same entry appears twice; it counts once.");
    expect((await client.get("/progress")).text).toMatch(/<a href="\/portfolio#training"[^>]*>See why in My portfolio<\/a>/);
    await client.post("/language", { locale: "es", redirectTo: "/progress" });
    const spanish = (await client.get("/progress")).text;
    expect(spanish).toContain("24 h registradas, cuentan 12, se necesitan 30");
    expect(spanish).toMatch(/<a href="\/portfolio#training"[^>]*>Vea por qué en Mi portafolio<\/a>/);
  });

  it("tells someone without an association what to do", async () => {
    const client = await app.clientAs((await buildUser(app.services.db)).id);
    expect((await client.get("/progress")).text).toContain("You are not a member of an association yet.");
  });
});

describe("an edit keeps what the form does not show", () => {
  it("keeps the transcript staff received, the provider the association accepted and a program's credit; a confirmation is for the entry as it was", async () => {
    const { user, client } = await member();
    await client.post("/portfolio/education/new", { level: "bachelor", field: "Psychology", institution: "USC", completed: "2015-05-01", intent: "save" });
    await client.post("/portfolio/training/new", { ...training, intent: "save" });
    await client.post("/portfolio/reflective-supervision/new", {
      direction: "received",
      date: "2025-04-01",
      hours: "1",
      format: "individual",
      providerName: "Dr. Lee",
      intent: "save",
    });
    const saved = (await findPortfolio(app.services.db, user.id)).portfolio;
    // What staff, a program and the provider set, as the app records it.
    await writePortfolio(
      app.services.db,
      user.id,
      {
        ...saved,
        education: [{ ...saved.education[0]!, officialTranscript: true }],
        training: [{ ...saved.training[0]!, program: "State AIMH course", verified: true }],
        reflectiveSupervision: [
          { ...saved.reflectiveSupervision[0]!, verified: true, provider: { ...saved.reflectiveSupervision[0]!.provider!, vetted: true } },
        ],
      },
      new Date(),
    );
    const [degree] = saved.education;
    const [course] = saved.training;
    const [session] = saved.reflectiveSupervision;
    await client.post(`/portfolio/education/${degree!.id}`, {
      level: "bachelor",
      field: "Psychology",
      institution: "University of South Carolina",
      completed: "2015-05-01",
      intent: "save",
    });
    await client.post(`/portfolio/training/${course!.id}`, { ...training, title: "Attachment basics, part 1", intent: "save" });
    await client.post(`/portfolio/reflective-supervision/${session!.id}`, {
      direction: "received",
      date: "2025-04-01",
      hours: "1.5",
      format: "individual",
      providerName: "Dr. Lee",
      intent: "save",
    });
    const after = (await findPortfolio(app.services.db, user.id)).portfolio;
    expect(after.education[0]).toMatchObject({ institution: "University of South Carolina", officialTranscript: true });
    expect(after.training[0]).toMatchObject({ title: "Attachment basics, part 1", program: "State AIMH course", verified: false });
    expect(after.reflectiveSupervision[0]).toMatchObject({ hours: 1.5, verified: false, provider: { name: "Dr. Lee", vetted: true } });
  });
});

describe("reflective supervision logged as a series", () => {
  const series = {
    firstDate: "2025-01-07",
    lastDate: "2025-12-31",
    everyWeeks: "2",
    direction: "received",
    hours: "1",
    format: "individual",
    providerName: "Dr. Lee",
    providerCredential: "alliance-iecmh-e/imhs",
    providerEarned: "2015-01-01",
  };

  it("adds one session per date at once, each an entry of its own, and the provider is then chosen, not typed", async () => {
    const { user, client } = await member();
    const page = await client.get("/portfolio/reflective-supervision/series");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Log a series of sessions");
    const added = await client.post("/portfolio/reflective-supervision/series", series);
    expect([added.status, added.location]).toEqual([302, "/portfolio?added=26#reflective-supervision"]);
    expect((await client.get(added.location!)).text).toContain("Added 26 sessions.");
    const sessions = (await findPortfolio(app.services.db, user.id)).portfolio.reflectiveSupervision;
    expect(sessions).toHaveLength(26);
    expect(new Set(sessions.map((session) => session.id)).size).toBe(26);
    expect(sessions[1]).toMatchObject({
      date: "2025-01-21",
      hours: 1,
      provider: { name: "Dr. Lee", credentials: [{ category: "imhs", earned: "2015-01-01" }] },
    });
    const audit = await app.services.db.selectFrom("audit_log").select("action").where("actor_user_id", "=", user.id).execute();
    expect(audit.map((entry) => entry.action)).toEqual(["session-series.added"]);

    const single = await client.get("/portfolio/reflective-supervision/new");
    expect(single.text).toContain("Start from your sessions with Dr. Lee");
    const from = /href="\/portfolio\/reflective-supervision\/new\?from=([^"]+)"/.exec(single.text)![1]!;
    const prefilled = await client.get(`/portfolio/reflective-supervision/new?from=${from}`);
    expect(prefilled.text).toContain('value="Dr. Lee"');
    expect(prefilled.text).toContain('value="2015-01-01"');
    expect((await client.get("/portfolio")).text).toContain("Duplicate");
  });

  it("keeps what was typed and adds nothing when the dates are wrong", async () => {
    const { user, client } = await member();
    const backwards = await client.post("/portfolio/reflective-supervision/series", { ...series, lastDate: "2024-12-31" });
    expect(backwards.status).toBe(400);
    expect(backwards.text).toContain("The last session cannot be before the first.");
    expect(backwards.text).toContain('value="Dr. Lee"');
    const tooLong = await client.post("/portfolio/reflective-supervision/series", { ...series, firstDate: "2020-01-01", everyWeeks: "1" });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain("That is more than 200 sessions.");
    const noDate = await client.post("/portfolio/reflective-supervision/series", { ...series, firstDate: "" });
    expect(noDate.status).toBe(400);
    expect(noDate.text).toContain('id="error-firstDate"');
    const noHours = await client.post("/portfolio/reflective-supervision/series", { ...series, hours: "" });
    expect(noHours.status).toBe(400);
    expect((await findPortfolio(app.services.db, user.id)).portfolio.reflectiveSupervision).toHaveLength(0);
  });

  it("speaks Spanish", async () => {
    const { client } = await member();
    await client.post("/language", { locale: "es", redirectTo: "/portfolio" });
    const added = await client.post("/portfolio/reflective-supervision/series", { ...series, lastDate: "2025-01-21" });
    expect((await client.get(added.location!)).text).toContain("Se añadieron 2 sesiones.");
  });
});

describe("a section's totals", () => {
  const session = (direction: string, hours: string) => ({
    direction,
    date: "2025-04-01",
    hours,
    format: "individual",
    providerName: "Dr. Lee",
    recipients: direction === "provided" ? "Ana" : "",
    intent: "save",
  });

  it("says under each section counted in hours how many were entered, RS/C received and provided apart, in English and Spanish", async () => {
    const { client } = await member();
    expect((await client.get("/portfolio")).text).not.toContain("h entered in");
    await client.post("/portfolio/training/new", { ...training, clockHours: "20", intent: "save" });
    await client.post("/portfolio/training/new", { ...training, title: "Attachment in practice", clockHours: "14", intent: "save" });
    for (const [direction, hours] of [
      ["received", "1.5"],
      ["received", "2"],
      ["provided", "1"],
    ] as const) {
      expect((await client.post("/portfolio/reflective-supervision/new", session(direction, hours))).status).toBe(302);
    }
    const page = (await client.get("/portfolio")).text;
    expect(page).toContain("34 h entered in 2 entries");
    expect(page).toContain("Received: 3.5 h in 2 sessions · Provided: 1 h in 1 session");
    await client.post("/language", { locale: "es", redirectTo: "/portfolio" });
    const spanish = (await client.get("/portfolio")).text;
    expect(spanish).toContain("34 h registradas en 2 entradas");
    expect(spanish).toContain("Recibida: 3.5 h en 2 sesiones · Brindada: 1 h en 1 sesión");
  });
});

describe("the categories a person works toward", () => {
  const session = (providerCredential: string) => ({
    direction: "received",
    date: "2025-04-01",
    hours: "1.5",
    format: "individual",
    providerName: "Dr. Lee",
    providerCredential,
    providerEarned: "2015-01-01",
    intent: "save",
  });

  it("come first in My progress, explained, and each portfolio entry says whether it counted for them and why not", async () => {
    const { user, client } = await member();
    expect((await client.get("/portfolio")).text).toContain("Choose in My progress the category you are working toward");
    await client.post("/portfolio/reflective-supervision/new", session("alliance-iecmh-e/imhs"));
    await client.post("/portfolio/reflective-supervision/new", session(""));
    await client.post("/portfolio/reading/new", { date: "2025-01-10", hours: "2", title: "Reading on attachment", intent: "save" });

    const chosen = await client.post("/progress", { intent: "target", category: "alliance-iecmh-e/ifs" });
    expect([chosen.status, chosen.location]).toEqual([302, "/progress"]);
    const progress = (await client.get("/progress")).text;
    expect(progress).toContain("What you are working toward");
    const firstExplained = /<details open="" class="category"[^>]*>[\s\S]*?<strong>([^<]+)<\/strong>/.exec(progress);
    expect(firstExplained?.[1]).toBe("IFS: Infant Family Specialist");
    expect([...progress.matchAll(/<details open="" class="category"/g)]).toHaveLength(1);
    expect(progress).toContain("Stop working toward IFS");

    const portfolio = (await client.get("/portfolio")).text;
    expect(portfolio).not.toContain("Choose in My progress the category you are working toward");
    expect(portfolio).toContain("Counts for IFS.");
    expect(portfolio).toContain("Does not count for IFS: the provider did not hold a qualifying endorsement on the session&#x27;s date.");
    expect(portfolio).toContain("IFS does not ask for this.");
    const audit = await app.services.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .where("action", "=", "category-target.chosen")
      // Other tests of this file choose targets too.
      .where("actor_user_id", "=", user.id)
      .execute();
    expect(audit).toEqual([{ action: "category-target.chosen", actor_user_id: user.id }]);

    await client.post("/progress", { intent: "untarget", category: "alliance-iecmh-e/ifs" });
    expect((await client.get("/progress")).text).not.toContain("What you are working toward");
    expect((await client.get("/portfolio")).text).not.toContain("Counts for IFS.");
  });

  it("refuses a category that does not exist and an intent it does not know", async () => {
    const { client } = await member();
    expect((await client.post("/progress", { intent: "target", category: "alliance-iecmh-e/nope" })).status).toBe(404);
    expect((await client.post("/progress", { intent: "promote", category: "alliance-iecmh-e/ifs" })).status).toBe(400);
  });

  it("speaks Spanish", async () => {
    const { client } = await member();
    await client.post("/language", { locale: "es", redirectTo: "/progress" });
    await client.post("/progress", { intent: "target", category: "alliance-iecmh-e/ifs" });
    expect((await client.get("/progress")).text).toContain("Lo que quiere obtener");
  });
});

describe("joining an association and recording memberships", () => {
  it("lets a signed-in person join from the association's page; its categories then show in their progress", async () => {
    const association = await buildAssociation(app.services.db, { name: "Joinable IMH" });
    await setFrameworksOfAssociation(app.services.db, association.id, ["alliance-iecmh-e"]);
    const client = await app.client();
    const user = await buildUser(app.services.db);
    await signIn(app.services.db, client, user.id);
    expect((await client.get(`/a/${association.slug}`)).text).toContain("Join this association");
    const joined = await client.post(`/a/${association.slug}`, {});
    expect([joined.status, joined.location]).toEqual([302, "/progress"]);
    expect((await client.get("/progress")).text).toContain("Joinable IMH");
    expect((await client.get(`/a/${association.slug}`)).text).toContain("You are a member of this association");
    expect((await client.get("/inbox")).text).toContain("You joined Joinable IMH.");
    const audit = await app.services.db.selectFrom("audit_log").select(["action", "actor_user_id"]).where("association_id", "=", association.id).execute();
    expect(audit).toEqual([{ action: "membership.joined", actor_user_id: user.id }]);
    await client.post(`/a/${association.slug}`, {});
    expect(await app.services.db.selectFrom("audit_log").select("id").where("association_id", "=", association.id).execute()).toHaveLength(1);
  });

  it("counts a membership that is current, and not one that has ended", async () => {
    const { user, client } = await member();
    const missing = "Needs a current membership of the association or another infant mental health association.";
    expect((await client.get("/progress")).text).toContain(missing);
    const ended = await client.post("/portfolio/memberships/new", { organization: "SCIMHA", memberId: "A-17", validUntil: "2020-12-31", intent: "save" });
    expect(ended.status).toBe(302);
    expect((await client.get("/progress")).text).toContain(missing);
    await client.post("/portfolio/memberships/new", { organization: "SCIMHA", validUntil: "2099-12-31", intent: "save" });
    expect((await client.get("/progress")).text).not.toContain(missing);
    expect((await findPortfolio(app.services.db, user.id)).portfolio.memberships).toMatchObject([
      { validUntil: "2020-12-31", memberId: "A-17" },
      { validUntil: "2099-12-31" },
    ]);
    const blank = await client.post("/portfolio/memberships/new", { organization: "", validUntil: "soon", intent: "save" });
    expect(blank.status).toBe(400);
    expect(blank.text).toContain("Please fill in this field.");
    expect(blank.text).toContain('value="soon"');
  });
});

describe("the personal statement", () => {
  const californiaMember = () => member({ name: "California Center", framework: "california-ifecmh" });

  it("saves what is written with its word count and shows the association's limit", async () => {
    const { user, client } = await californiaMember();
    expect((await client.get("/portfolio/statement")).text).toContain("At most 500 words.");
    const saved = await client.post("/portfolio/statement", { text: "  I have worked with families of infants for nine years.  ", intent: "save" });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain("Your statement is saved.");
    expect(saved.text).toContain("10 of 500 words");
    const { documents } = (await findPortfolio(app.services.db, user.id)).portfolio;
    expect(documents).toMatchObject([{ type: "personal-statement", words: 10, text: "I have worked with families of infants for nine years." }]);
  });

  it("keeps a statement over the limit as written, says it will not count, and replaces the earlier one", async () => {
    const { user, client } = await californiaMember();
    await client.post("/portfolio/statement", { text: "short", intent: "save" });
    const long = Array.from({ length: 520 }, (_, i) => `word${i}`).join(" ");
    const saved = await client.post("/portfolio/statement", { text: long, intent: "save" });
    expect(saved.text).toContain("520 of 500 words");
    expect(saved.text).toContain("Too long: it will not count until it is shorter.");
    const { documents } = (await findPortfolio(app.services.db, user.id)).portfolio;
    expect(documents.map((document) => document.words)).toEqual([520]);
  });

  it("refuses an empty statement, keeps the earlier one, and keeps a draft across visits", async () => {
    const { user, client } = await californiaMember();
    await client.post("/portfolio/statement", { text: "My first statement.", intent: "save" });
    const empty = await client.post("/portfolio/statement", { text: "   ", intent: "save" });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Please fill in this field.");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.documents).toMatchObject([{ text: "My first statement." }]);
    await client.post("/portfolio/statement", { text: "A better statement, half written", intent: "autosave" });
    const later = await client.get("/portfolio/statement");
    expect(later.text).toContain("A better statement, half written");
    expect(later.text).toContain("You have unsaved changes from before");
    await client.post("/portfolio/statement", { text: "A better statement, half written", intent: "autosave" });
    expect((await historyOf(user.id)).map((entry) => entry.action)).toEqual(["statement.saved", "statement-draft.kept", "statement-draft.kept"]);
  });

  it("dates the statement today where the person's association is, not in UTC", async () => {
    const association = await buildAssociation(app.services.db, { timeZone: "America/Los_Angeles" });
    const inCalifornia = await buildMember(app.services.db, association.id, "member");
    const nowhere = await buildUser(app.services.db);
    const evening = commandsOf(app, () => new Date("2025-03-01T03:00:00Z"));
    for (const someone of [inCalifornia, nowhere])
      expect(await runCommand(evening, saveWrittenStatement, person(someone.id), { text: "My statement." })).toMatchObject({ ok: true });
    expect((await findPortfolio(app.services.db, inCalifornia.id)).portfolio.documents[0]!.date).toBe("2025-02-28");
    expect((await findPortfolio(app.services.db, nowhere.id)).portfolio.documents[0]!.date).toBe("2025-03-01");
  });
});
