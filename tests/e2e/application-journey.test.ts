import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import type { Framework } from "../../src/domain/framework-schema.ts";
import { unitText } from "../../src/i18n/report-text.ts";
import { translator } from "../../src/i18n/translate.ts";
import { startJourneyWithMail } from "../setup/journey.ts";
import { expectAccessible } from "../setup/browser.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

const { server, browser, inbox, close } = await startJourneyWithMail([["src/cli/seed-demo.ts"]]);
afterAll(close);

const alliance = JSON.parse(readFileSync("frameworks/alliance-iecmh-e.json", "utf8")) as Framework;
const ifs = alliance.categories.find((category) => category.id === "ifs")!;
const training = ifs.requirements.find((requirement) => requirement.id === "training");
const trainingLabel = training?.kind === "training" ? training.buckets[0]!.label : { en: "", es: "" };

/** Dates relative to the day the test runs, so the rules' windows ("the last 24 months") always hold. */
function monthsFromNow(months: number): string {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

describe.each([
  { language: "en" as const, javaScript: true },
  { language: "es" as const, javaScript: true },
  { language: "es" as const, javaScript: false },
])("a new applicant's journey to Infant Family Specialist in $language (JavaScript: $javaScript)", ({ language, javaScript }) => {
  it("signs up, joins, builds a portfolio that meets IFS with confirmed RS/C and rated references, and submits", async () => {
    const t = translator(language);
    const tag = `${language}-${javaScript ? "js" : "nojs"}`;
    const email = `newcomer-${tag}@example.org`;
    const contexts: BrowserContext[] = [];
    const newPage = async () => {
      const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: javaScript, locale: language === "en" ? "en-US" : "es-MX" });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(browserWaitMs());
      return page;
    };
    // axe runs inside the page, so it needs JavaScript; without it the pages are the same server render.
    const check = (target: Page) => (javaScript ? expectAccessible(target) : Promise.resolve());
    const page = await newPage();
    const nav = (name: string) => page.getByRole("navigation").getByRole("link", { name, exact: true });
    const field = (key: Parameters<typeof t>[0], target: Page = page) => target.getByLabel(t(key), { exact: true });
    const save = async () => {
      await check(page);
      await page.getByRole("button", { name: t("portfolio.save"), exact: true }).click();
      await page.getByText(t("portfolio.saved")).waitFor();
    };
    const trainingLine = (have: number) =>
      `${trainingLabel[language]}: ${t("progress.measure", { have: String(have), need: "30", unit: unitText(t, "hours", 30) })}`;

    // Sign up, confirm the email, log in.
    await page.goto("/");
    await page
      .getByRole("link", { name: t("nav.signUp") })
      .first()
      .click();
    await field("field.name").fill(`Nueva Persona ${tag}`);
    await field("field.email").fill(email);
    await field("field.password").fill("una contraseña larga");
    await check(page);
    await page.getByRole("button", { name: t("signUp.submit") }).click();
    await page.getByRole("heading", { name: t("signUp.checkEmailTitle") }).waitFor();
    await page.goto(linkIn(await inbox.waitFor((m) => m.to.includes(email)), "/verify-email?token="));
    await page.getByText(t("verify.done")).waitFor();
    await page.goto("/login");
    await field("field.email").fill(email);
    await field("field.password").fill("una contraseña larga");
    await page.getByRole("button", { name: t("logIn.submit") }).click();
    await nav(t("nav.portfolio")).waitFor();

    // Join the association; its categories appear in the progress.
    await page.goto("/");
    await page.getByRole("link", { name: "South Carolina" }).click();
    await check(page);
    await page.getByRole("button", { name: t("association.join") }).click();
    await page.getByText(trainingLine(0)).first().waitFor();
    await check(page);

    // Education, work, training, membership.
    await nav(t("nav.portfolio")).click();
    await page.getByRole("link", { name: t("portfolio.addEducation") }).click();
    await field("portfolio.level").selectOption("bachelor");
    await field("portfolio.field").fill("Child development");
    await field("portfolio.completed").fill(monthsFromNow(-96));
    await save();

    await page.getByRole("link", { name: t("portfolio.addWork") }).click();
    await field("portfolio.role").fill("Home visitor");
    await field("portfolio.employer").fill("Early Head Start");
    await field("portfolio.start").fill(monthsFromNow(-60));
    await field("portfolio.ages").selectOption("0-36");
    await field("portfolio.familiesServed").fill("14");
    await field("portfolio.relationshipFocused").check();
    await save();

    for (const [title, hours] of [
      ["Attachment and early relationships", "18"],
      ["Infant mental health foundations", "12"],
    ] as const) {
      await page.getByRole("link", { name: t("portfolio.addTraining") }).click();
      await field("portfolio.title").fill(title);
      await field("portfolio.date").fill(monthsFromNow(-14));
      await field("portfolio.clockHours").fill(hours);
      await save();
      if (hours === "18") {
        await nav(t("nav.progress")).click();
        await page.getByText(trainingLine(18)).first().waitFor();
        await nav(t("nav.portfolio")).click();
      }
    }
    await nav(t("nav.progress")).click();
    await page.getByText(trainingLine(30)).first().waitFor();
    await nav(t("nav.portfolio")).click();

    await page.getByRole("link", { name: t("portfolio.addMembership") }).click();
    await field("portfolio.organization").fill("South Carolina Infant Mental Health Association");
    await field("portfolio.validUntil").fill(monthsFromNow(12));
    await save();

    // Reflective supervision received from an endorsed provider, confirmed through the provider's link.
    for (const [months, hours] of [
      [-18, "12"],
      [-2, "12"],
    ] as const) {
      await page.getByRole("link", { name: t("portfolio.addRsc") }).click();
      await field("portfolio.date").fill(monthsFromNow(months));
      await field("portfolio.hours").fill(hours);
      await field("portfolio.providerName").fill("Dr. Lee");
      await field("portfolio.providerCredential").selectOption("alliance-iecmh-e/imhs");
      await field("portfolio.providerEarned").fill("2010-01-01");
      await save();
    }
    await page
      .getByRole("link", { name: new RegExp(`^${t("confirm.ask")}`) })
      .last()
      .click();
    await field("confirm.email").fill(`lee-${tag}@example.org`);
    await check(page);
    // Both sessions name Dr. Lee: one request, one link, for both.
    await page.getByRole("button", { name: t("confirm.askAll", { name: "Dr. Lee", count: 2 }) }).click();
    const provider = await newPage();
    await provider.goto(linkIn(await inbox.waitFor((m) => m.to.includes(`lee-${tag}@example.org`)), "/c/"));
    await check(provider);
    await provider.getByRole("button", { name: t("confirmEntries.all", { count: 2 }) }).click();
    await provider.getByText(t("confirmEntries.thanks", { confirmed: 2, total: 2 })).waitFor();
    await page.goto("/portfolio");
    await page.getByText(t("confirm.verified")).first().waitFor();

    // Three references, each completed by the rater through the emailed link; Dr. Lee states her endorsement.
    await page.goto("/portfolio/references");
    const raters = [
      { name: "Ana Supervisor", role: "current-supervisor", credential: null },
      { name: "Dr. Lee", role: "rsc-provider", credential: "alliance-iecmh-e/imhs" },
      { name: "Marta Colega", role: "colleague", credential: null },
    ] as const;
    for (const rater of raters) {
      const raterEmail = `${rater.role}-${tag}@example.org`;
      await field("references.raterName").fill(rater.name);
      await field("references.raterEmail").fill(raterEmail);
      await field("references.role").selectOption(rater.role);
      await field("references.category").selectOption({ label: `${ifs.abbreviation}: ${ifs.name[language]}` });
      await page.getByRole("button", { name: t("references.send") }).click();
      await page.getByText(t("references.sent", { name: rater.name })).waitFor();
      const form = await newPage();
      await form.goto(linkIn(await inbox.waitFor((m) => m.to.includes(raterEmail)), "/r/"));
      await check(form);
      for (const group of await form.locator("fieldset.rating-item:has(input[type=radio])").all()) await group.getByRole("radio").nth(2).check();
      if (rater.credential) {
        await field("rating.credential", form).selectOption(rater.credential);
        await field("rating.credentialSince", form).fill("2012-05-01");
      }
      await form.getByRole("button", { name: t("rating.submit") }).click();
      await form.getByText(t("rating.thanks")).waitFor();
      await page.goto("/portfolio/references");
    }
    expect(await page.getByText(t("references.status.completed", { date: "" }).trim()).count()).toBe(3);
    await check(page);

    // Start the application; the association records the official transcript; nothing is left unmet.
    await nav(t("nav.applications")).click();
    const choice = await page.locator('#field-choice option[value$="|alliance-iecmh-e|ifs"]').first().getAttribute("value");
    expect(choice).toContain("|alliance-iecmh-e|ifs");
    await field("applications.categoryToApply").selectOption(choice);
    await page.getByRole("button", { name: t("applications.startButton") }).click();
    await page.getByRole("button", { name: t("application.submit") }).waitFor();
    const applicationPath = new URL(page.url()).pathname;

    const staff = await newPage();
    await staff.goto("/login");
    await field("field.email", staff).fill("admin@sc-imh.demo.cradle.test");
    await field("field.password", staff).fill("cradle-demo-2026");
    await staff.getByRole("button", { name: t("logIn.submit") }).click();
    await staff
      .getByRole("navigation")
      .getByRole("link", { name: t("nav.portfolio"), exact: true })
      .waitFor();
    await staff.goto("/a/sc-imh/applications");
    await check(staff);
    await staff
      .locator("article", { hasText: `Nueva Persona ${tag}` })
      .getByRole("button", { name: t("staffApplications.markTranscripts") })
      .click();
    await staff.getByText(t("staffApplications.recorded")).waitFor();

    await page.goto(applicationPath);
    await page.getByText(t("application.allMet")).waitFor();
    await check(page);
    await page.getByLabel(t("application.attest")).check();
    await page.getByLabel(t("application.ethics")).check();
    await page.getByRole("button", { name: t("application.submit") }).click();
    await page.getByText(t("application.submitted")).waitFor();
    await check(page);
    // The file the reviewers will read: frozen at submission, every requirement met or for a person to judge.
    await staff.goto("/a/sc-imh/applications");
    await staff.getByRole("link", { name: new RegExp(`Nueva Persona ${tag}`) }).click();
    await staff.getByRole("heading", { name: t("review.engine") }).waitFor();
    expect(await staff.locator(".requirements .status-unmet, .requirements .status-partly-met").count()).toBe(0);
    expect(await staff.locator(".requirements .status-met").count()).toBeGreaterThan(5);
    await check(staff);

    await nav(t("nav.inbox")).click();
    await page.getByText(ifs.name[language], { exact: false }).first().waitFor();
    await check(page);
    for (const context of contexts) await context.close();
  });
});
