import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/define-command.ts";
import { submitRating } from "../../src/commands/submit-rating.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { sendReferenceReminders } from "../../src/jobs/reference-reminders.ts";
import { buildUser } from "../setup/builders.ts";
import { buildAllianceAssociation, buildApplicant } from "../setup/state-builders.ts";
import { buildReferenceRequest } from "../setup/link-builders.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { startTestAppWithMail } from "../setup/test-app.ts";
import { commandContext } from "../../src/server/services.ts";
import { commandsOf } from "../setup/state-builders.ts";
import { allianceRatingItems } from "../setup/link-builders.ts";

const { app, inbox, close } = await startTestAppWithMail();
afterAll(close);

const domains = allianceRatingItems(app);
const pathOf = (link: string) => new URL(link).pathname;

/** Marisol Vega, a member of Michigan AIMH, asks Dana Ruiz for a rating for a category (IFS unless said). */
async function applicantAsks(raterEmail: string, extra: Record<string, string> = {}, categoryId = "ifs") {
  const association = await buildAllianceAssociation(app, { name: "Michigan AIMH" });
  const { user } = await buildApplicant(app, { associationId: association.id, name: "Marisol Vega" });
  const client = await app.clientAs(user.id);
  const page = await client.post("/portfolio/references", {
    raterName: "Dana Ruiz",
    raterEmail,
    role: "current-supervisor",
    category: `${association.id}|alliance-iecmh-e|${categoryId}`,
    ...extra,
  });
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
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain('<a href="#field-reflection">Reflection: Choose one of the options.</a>');
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

  it("refuses an unknown intent with 400, neither sending the rating nor saving the answers", async () => {
    const { user, path } = await applicantAsks("unknown-intent@example.org");
    const rater = await app.client();
    const answers = Object.fromEntries(domains.map((domain) => [domain, "4"]));
    const refused = await rater.post(path, { ...answers, intent: "publish" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("This form asked for something this page does not do.");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.references[0]!.completed).toBeUndefined();
    const link = await app.services.db
      .selectFrom("access_links")
      .select(["answers", "draft", "completed_at"])
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(link).toEqual({ answers: null, draft: null, completed_at: null });
    expect((await rater.get(path)).text).not.toContain("checked");
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

  it("marks a rating with 6 or more 'not enough information' answers, sent as it is, as not counting", async () => {
    const { client, path } = await applicantAsks("few-contacts@example.org");
    const answers = Object.fromEntries(domains.map((domain, index) => [domain, index < 6 ? "nei" : "2"]));
    await (await app.client()).post(path, { ...answers, intent: "submit-anyway" });
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
    await app.services.db
      .updateTable("access_links")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("recipient_email", "=", "late@example.org")
      .execute();
    expect((await (await app.client()).get(path)).text).toContain("This link has expired.");
    expect((await (await app.client()).get("/r/forged")).text).toContain("This link is not valid.");
  });

  it("asks what the rating is for among the categories of the person's associations, and no other association's", async () => {
    const association = await buildAllianceAssociation(app, { name: "Ohio AIMH" });
    const elsewhere = await buildAllianceAssociation(app, { name: "Elsewhere AIMH" });
    const { user } = await buildApplicant(app, { associationId: association.id });
    const client = await app.clientAs(user.id);
    const page = await client.get("/portfolio/references");
    expect(page.text).toContain('<optgroup label="Ohio AIMH">');
    expect(page.text).toContain(`<option value="${association.id}|alliance-iecmh-e|ifs">IFS: Infant Family Specialist</option>`);
    expect(page.text).not.toContain("Elsewhere AIMH");
    const request = { raterName: "Dana Ruiz", raterEmail: "elsewhere@example.org", role: "current-supervisor" };
    expect((await client.post("/portfolio/references", { ...request, category: `${elsewhere.id}|alliance-iecmh-e|ifs` })).status).toBe(403);
    const unknown = await client.post("/portfolio/references", { ...request, category: `${association.id}|alliance-iecmh-e|astronaut` });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('<p class="field-error" id="error-category">Choose one of the options.</p>');
    expect((await findPortfolio(app.services.db, user.id)).portfolio.references).toEqual([]);
  });

  it("shows each error next to its field and keeps what was typed", async () => {
    const user = await buildUser(app.services.db);
    const client = await app.clientAs(user.id);
    const page = await client.post("/portfolio/references", {
      raterName: "Sam",
      raterEmail: "not-an-email",
      role: "nobody",
      category: "|alliance-iecmh-e|ifs",
    });
    expect(page.status).toBe(400);
    expect(page.text).toContain("Enter an email address like name@example.org.");
    expect(page.text).toContain('value="Sam"');
  });

  it("answers who sent a reference, for which entry, and when, from the audit log; the answers stay out of it", async () => {
    const { user, path } = await applicantAsks("audit-rater@example.org");
    const rater = await app.client();
    await rater.post(path, { "theoretical-foundations": "3", intent: "save" });
    const before = Date.now();
    expect((await rater.post(path, { ...Object.fromEntries(domains.map((domain) => [domain, "4"])), intent: "submit" })).text).toContain(
      "Thank you. Your rating is recorded.",
    );
    const after = Date.now();
    const [reference] = (await findPortfolio(app.services.db, user.id)).portfolio.references;
    const link = await app.services.db
      .selectFrom("access_links")
      .select("id")
      .where("recipient_email", "=", "audit-rater@example.org")
      .executeTakeFirstOrThrow();
    const history = await listAuditOfSubject(app.services.db, "portfolio-entry", `${user.id}/${reference!.id}`);
    expect(history.map((entry) => entry.action)).toEqual(["reference.requested", "reference.draft-saved", "reference.submitted"]);
    const submitted = history[2]!;
    expect(submitted).toMatchObject({
      actor_kind: "link",
      actor_ref: `reference:${link.id}`,
      actor_user_id: null,
      details: {
        recipientName: "Dana Ruiz",
        recipientEmail: "audit-rater@example.org",
        entryId: reference!.id,
        completed: reference!.completed,
        notEnoughInformation: 0,
        waived: false,
      },
    });
    expect(submitted.details).not.toHaveProperty("answers");
    expect(new Date(submitted.created_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(submitted.created_at).getTime()).toBeLessThanOrEqual(after + 1000);
    expect(history[0]).toMatchObject({
      actor_kind: "person",
      actor_user_id: user.id,
      details: { linkId: link.id, recipientName: "Dana Ruiz", recipientEmail: "audit-rater@example.org" },
    });
  });

  it("records one rating when the rater sends it twice at once", async () => {
    const { user, path } = await applicantAsks("twice@example.org");
    const answers = { ...Object.fromEntries(domains.map((domain) => [domain, "4"])), intent: "submit" };
    const pages = await Promise.all([(await app.client()).post(path, answers), (await app.client()).post(path, answers)]);
    expect(pages.filter((page) => page.text.includes("Thank you. Your rating is recorded."))).toHaveLength(1);
    expect(pages.filter((page) => page.text.includes("This rating has already been sent."))).toHaveLength(1);
    const [reference] = (await findPortfolio(app.services.db, user.id)).portfolio.references;
    const history = await listAuditOfSubject(app.services.db, "portfolio-entry", `${user.id}/${reference!.id}`);
    expect(history.filter((entry) => entry.action === "reference.submitted")).toHaveLength(1);
  });

  it("dates a rating, and checks the rater's endorsement date, by the day where the applicant's association is", async () => {
    // 20:00 UTC is already 10:00 the next day on Kiritimati (UTC+14).
    const at = new Date();
    at.setUTCHours(20, 0, 0, 0);
    const nextDay = new Date(at.getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    const association = await buildAllianceAssociation(app, { timeZone: "Pacific/Kiritimati" });
    const { user, holder } = await buildReferenceRequest(app, { associationId: association.id });
    const answers = { ...Object.fromEntries(domains.map((domain) => [domain, "3"])), raterCredential: "alliance-iecmh-e/imhs", raterEarned: nextDay };
    const result = await runCommand(
      commandsOf(app, () => at),
      submitRating,
      holder,
      { answers },
    );
    expect(result).toEqual({ ok: true, value: { completed: nextDay } });
    const [reference] = (await findPortfolio(app.services.db, user.id)).portfolio.references;
    expect(reference).toMatchObject({ completed: nextDay, raterCredentials: [{ earned: nextDay }] });
  });
});

describe("what the rating form tells the rater", () => {
  const ruleAt = (text: string) => text.indexOf("a rating with 6 or more such answers cannot be counted");

  it("says which endorsement the applicant seeks and from which association, in the rater's language", async () => {
    const { path } = await applicantAsks("seeks@example.org");
    const english = await (await app.client()).get(path);
    expect(english.text).toContain("Marisol Vega is applying to Michigan AIMH for endorsement as Infant Family Specialist (IFS).");
    const spanish = await (await app.client()).get(path, { "accept-language": "es-MX,es;q=0.9" });
    expect(spanish.text).toContain("Marisol Vega solicita a Michigan AIMH la acreditación como Especialista Familiar de la Infancia (IFS).");
    expect(spanish.text).toContain("Fundamentos teóricos");
  });

  it("asks only the areas of the category sought, each with what it means; the mentors' areas only of a mentor", async () => {
    const { path } = await applicantAsks("ifs-areas@example.org");
    const ifs = (await (await app.client()).get(path)).text;
    expect(ifs).toContain("<legend>Reflection</legend>");
    expect(ifs).not.toContain("Administration");
    expect(ifs).not.toContain('name="administration"');
    expect(ifs).toMatch(
      /<fieldset class="field rating-item" id="field-reflection" aria-describedby="about-reflection"><legend>Reflection<\/legend><div class="hint" id="about-reflection"><p>Noticing one&#x27;s own feelings/,
    );

    const { path: mentorPath } = await applicantAsks("mentor-areas@example.org", {}, "imhm-c");
    const mentor = await (await app.client()).get(mentorPath);
    expect(mentor.text).toContain("Infant Mental Health Mentor - Clinical (IMHM-C)");
    expect(mentor.text).toContain("<legend>Administration (mentors)</legend>");
    const spanish = await (await app.client()).get(mentorPath, { "accept-language": "es" });
    expect(spanish.text).toContain("Para mentores: dirigir un programa o un equipo");
  });

  it("says before the questions how many 'not enough information' answers void a rating, from the framework's figure", async () => {
    const { path } = await applicantAsks("rule@example.org");
    const page = (await (await app.client()).get(path)).text;
    expect(ruleAt(page)).toBeGreaterThan(0);
    expect(ruleAt(page)).toBeLessThan(page.indexOf("<legend>Theoretical Foundations</legend>"));
    // Without JavaScript, no count the page could not keep up to date; with it, the page's one script keeps it (decision 022).
    expect(page).toMatch(/<p role="status" aria-live="polite" class="hint" data-live-count="[^"]+"[^>]*><\/p>/);
    expect([...page.matchAll(/<script[^>]*>/g)].map(([tag]) => tag)).toEqual([
      expect.stringMatching(/^<script src="\/assets\/count-not-enough-information-[\w-]+\.js" defer="">$/),
    ]);
  });

  it("without JavaScript, holds back a rating that would not count, with the reason next to the form and every answer kept", async () => {
    const { user, client, path } = await applicantAsks("too-many@example.org");
    const rater = await app.client();
    const answers = Object.fromEntries(domains.map((domain, index) => [domain, index < 6 ? "nei" : "3"]));
    const held = await rater.post(path, { ...answers, raterCredential: "alliance-iecmh-e/imhs", raterEarned: "2012-05-01", intent: "submit" });
    expect(held.status).toBe(400);
    expect(held.text).toContain(
      '<a href="#field-notEnoughInformation">“Not enough information” answers: Too many areas are answered “I do not have enough information to rate”: as it stands, this rating will not count.</a>',
    );
    expect(held.text).toContain(
      '<p class="field-error" id="error-notEnoughInformation">Your rating is not sent yet. You chose “I do not have enough information to rate” for 6 areas; a rating counts with at most 5.',
    );
    for (const [domain, answer] of Object.entries(answers))
      expect(held.text).toMatch(new RegExp(`<input type="radio" id="${domain}-${answer}" [^>]*checked=""`));
    expect(held.text).toMatch(/<option value="alliance-iecmh-e\/imhs" selected="">/);
    expect(held.text).toContain('value="2012-05-01"');
    expect((await findPortfolio(app.services.db, user.id)).portfolio.references[0]!.completed).toBeUndefined();
    expect((await (await app.client()).get(path)).text).toMatch(/<input type="radio" id="theoretical-foundations-nei" [^>]*checked=""/);

    // Sent as it is: the rater's honest answer is recorded, and does not count.
    const sent = await rater.post(path, { ...answers, intent: "submit-anyway" });
    expect(sent.text).toContain("Thank you. Your rating is recorded.");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.references[0]).toMatchObject({ notEnoughInformation: 6 });
    expect((await client.get("/portfolio/references")).text).toContain("too many");
    const [reference] = (await findPortfolio(app.services.db, user.id)).portfolio.references;
    const history = await listAuditOfSubject(app.services.db, "portfolio-entry", `${user.id}/${reference!.id}`);
    expect(history.at(-1)).toMatchObject({ action: "reference.submitted", details: { notEnoughInformation: 6, void: true } });
  });

  it("asks a request made before ratings named a category only what every category shares", async () => {
    const { user, path } = await applicantAsks("older@example.org", {}, "imhm-c");
    await app.services.db.updateTable("access_links").set({ category_id: null, association_id: null }).where("user_id", "=", user.id).execute();
    const page = (await (await app.client()).get(path)).text;
    expect(page).toContain("Marisol Vega is applying for endorsement in the Alliance framework.");
    expect(page).toContain("<legend>Reflection</legend>");
    expect(page).not.toContain("Administration");
    expect(ruleAt(page)).toBeGreaterThan(0);
  });

  it("sends a rating with as many 'not enough information' answers as allowed at once", async () => {
    const { user, path } = await applicantAsks("five@example.org");
    const answers = Object.fromEntries(domains.map((domain, index) => [domain, index < 5 ? "nei" : "3"]));
    expect((await (await app.client()).post(path, { ...answers, intent: "submit" })).text).toContain("Thank you. Your rating is recorded.");
    expect((await findPortfolio(app.services.db, user.id)).portfolio.references[0]).toMatchObject({ notEnoughInformation: 5 });
  });
});
