import { afterAll, describe, expect, it } from "vitest";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { sendReferenceReminders } from "../../src/jobs/reference-reminders.ts";
import { buildUser } from "../setup/builders.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";
import { commandContext } from "../../src/server/services.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);

const domains = ["theoretical-foundations", "law-regulation-agency-policy", "systems-expertise", "direct-service-skills", "working-with-others", "communicating", "thinking", "reflection", "administration"];
const pathOf = (link: string) => new URL(link).pathname;

async function applicantAsks(raterEmail: string, extra: Record<string, string> = {}) {
  const user = await buildUser(app.services.db, { name: "Marisol Vega" });
  const client = await app.clientAs(user.id);
  const page = await client.post("/portfolio/references", { raterName: "Dana Ruiz", raterEmail, role: "current-supervisor", frameworkId: "alliance-iecmh-e", ...extra });
  expect(page.text).toContain("We emailed Dana Ruiz a link to the rating form.");
  const mail = await inbox.waitFor((m) => m.to.includes(raterEmail));
  return { user, client, mail, path: pathOf(linkIn(mail, "/r/")) };
}

describe("reference ratings through an emailed link", () => {
  it("lets the rater save, come back, and send; the portfolio and the applicant learn of it", async () => {
    const { user, client, mail, path } = await applicantAsks("dana@example.org");
    expect(mail.subject).toBe("Marisol Vega asks you for a reference / Marisol Vega le pide una referencia");
    const rater = await app.client();
    const form = await rater.get(path);
    expect(form.text).toContain("Reference rating for Marisol Vega");
    expect(form.text).not.toContain(user.email);

    const partial = Object.fromEntries(domains.slice(0, 3).map((domain) => [domain, "3"]));
    expect((await rater.post(path, { ...partial, intent: "save" })).text).toContain("Your answers are saved.");
    const back = await (await app.client()).get(path);
    expect(back.text).toMatch(/<input type="radio" id="theoretical-foundations-3" [^>]*checked=""/);

    const incomplete = await rater.post(path, { ...partial, intent: "submit" });
    expect(incomplete.text).toContain("Please answer every area");
    const answers = Object.fromEntries(domains.map((domain, index) => [domain, index < 2 ? "nei" : "4"]));
    expect((await rater.post(path, { ...answers, intent: "submit" })).text).toContain("Thank you. Your rating is recorded.");
    expect((await rater.get(path)).text).toContain("This rating has already been sent.");

    const [reference] = (await findPortfolio(app.services.db, user.id)).portfolio.references;
    expect(reference).toMatchObject({ raterName: "Dana Ruiz", role: "current-supervisor", notEnoughInformation: 2 });
    expect(reference!.completed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await inbox.waitFor((m) => m.to.includes(user.email) && m.subject.includes("Dana Ruiz completed your reference rating"));
    const own = await client.get("/portfolio/references");
    expect(own.text).toContain("Completed on");
    expect(own.text).toMatch(/<dt>Theoretical Foundations<\/dt><dd>I do not have enough information to rate<\/dd>/i);
    expect(own.text).toContain("A strength");
  });

  it("keeps a waived rating's answers from the applicant", async () => {
    const { client, path } = await applicantAsks("waived@example.org", { waived: "on" });
    await (await app.client()).post(path, { ...Object.fromEntries(domains.map((domain) => [domain, "4"])), intent: "submit" });
    const own = await client.get("/portfolio/references");
    expect(own.text).toContain("You waived access to this rating.");
    expect(own.text).not.toContain("A strength");
  });

  it("records the endorsement the rater holds, which some rules ask for, and wants a past date for it", async () => {
    const { user, path } = await applicantAsks("endorsed@example.org");
    const rater = await app.client();
    const answers = Object.fromEntries(domains.map((domain) => [domain, "3"]));
    const noDate = await rater.post(path, { ...answers, raterCredential: "alliance-iecmh-e/imhs", raterEarned: "2099-01-01", intent: "submit" });
    expect(noDate.text).toContain('id="error-raterEarned"');
    expect(noDate.text).toMatch(/<option value="alliance-iecmh-e\/imhs" selected="">/);
    expect((await findPortfolio(app.services.db, user.id)).portfolio.references[0]!.completed).toBeUndefined();
    await rater.post(path, { ...answers, raterCredential: "alliance-iecmh-e/imhs", raterEarned: "2012-05-01", intent: "submit" });
    const [reference] = (await findPortfolio(app.services.db, user.id)).portfolio.references;
    expect(reference!.raterCredentials).toEqual([{ framework: "alliance-iecmh-e", category: "imhs", earned: "2012-05-01", status: "active" }]);
    expect(reference!.notEnoughInformation).toBe(0);
  });

  it("marks a rating with 6 or more 'not enough information' answers as not counting", async () => {
    const { client, path } = await applicantAsks("few-contacts@example.org");
    const answers = Object.fromEntries(domains.map((domain, index) => [domain, index < 6 ? "nei" : "2"]));
    await (await app.client()).post(path, { ...answers, intent: "submit" });
    expect((await client.get("/portfolio/references")).text).toContain("too many");
  });

  it("reminds a rater after 7 and 14 days with a link that also works", async () => {
    const { path } = await applicantAsks("slow@example.org");
    const context = { ...commandContext(app.services), now: () => new Date(Date.now() + 8 * 24 * 3600 * 1000) };
    expect(await sendReferenceReminders(context)).toBeGreaterThanOrEqual(1);
    expect(await sendReferenceReminders(context)).toBe(0);
    await app.services.mailWorker.runOnce();
    const reminder = await inbox.waitFor((m) => m.to.includes("slow@example.org") && m.subject.startsWith("Reminder"));
    const second = pathOf(linkIn(reminder, "/r/"));
    expect(second).not.toBe(path);
    expect((await (await app.client()).get(second)).text).toContain("Reference rating for Marisol Vega");
    expect((await (await app.client()).get(path)).text).toContain("Reference rating for Marisol Vega");
    const later = { ...commandContext(app.services), now: () => new Date(Date.now() + 15 * 24 * 3600 * 1000) };
    expect(await sendReferenceReminders(later)).toBeGreaterThanOrEqual(1);
  });

  it("says so when a link has expired or is not valid", async () => {
    const { path } = await applicantAsks("late@example.org");
    await app.services.db.updateTable("access_links").set({ expires_at: new Date(Date.now() - 1000) }).where("recipient_email", "=", "late@example.org").execute();
    expect((await (await app.client()).get(path)).text).toContain("This link has expired.");
    expect((await (await app.client()).get("/r/forged")).text).toContain("This link is not valid.");
  });

  it("shows each error next to its field and keeps what was typed", async () => {
    const user = await buildUser(app.services.db);
    const client = await app.clientAs(user.id);
    const page = await client.post("/portfolio/references", { raterName: "Sam", raterEmail: "not-an-email", role: "nobody", frameworkId: "alliance-iecmh-e" });
    expect(page.status).toBe(400);
    expect(page.text).toContain("Enter an email address like name@example.org.");
    expect(page.text).toContain('value="Sam"');
  });
});
