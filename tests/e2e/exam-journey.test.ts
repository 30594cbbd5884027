import type { BrowserContext, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/translate.ts";
import { expectAccessible, launchChromium } from "../setup/browser.ts";
import { buildMember } from "../setup/builders.ts";
import { buildApplicationApprovedForExam, buildExamStaff, dayFromToday } from "../setup/exam-builders.ts";
import { buildAllianceAssociation } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

/**
 * The exam in a browser, with and without JavaScript: staff add a sitting, the approved applicant
 * registers asking for an accommodation, staff answer it, enter both parts and assign two raters,
 * who rate blind; the result reaches the roster and the applicant's page.
 */
const app = await startTestApp();
const browser = await launchChromium();
afterAll(async () => {
  await browser.close();
  await app.close();
});

describe.each([
  { language: "en" as const, javaScript: false },
  { language: "es" as const, javaScript: true },
])("the exam in $language (JavaScript: $javaScript)", ({ language, javaScript }) => {
  it("goes from a new sitting to a passed exam, raters seeing only the exam code", async () => {
    const t = translator(language);
    const association = await buildAllianceAssociation(app);
    const staff = await buildExamStaff(app, association.id);
    const raters = await Promise.all(["Rita Rater", "Raúl Rater"].map((name) => buildMember(app.services.db, association.id, "reviewer", { name })));
    const examinee = await buildApplicationApprovedForExam(app, { associationId: association.id, name: "Elena Examinada" });
    const contexts: BrowserContext[] = [];
    const pageOf = async (userId: string) => {
      const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled: javaScript, locale: language === "en" ? "en-US" : "es-MX" });
      contexts.push(context);
      const client = await app.clientAs(userId);
      await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value: encodeURIComponent(value), url: app.url })));
      const page = await context.newPage();
      page.setDefaultTimeout(browserWaitMs());
      return page;
    };
    // axe runs inside the page, so it needs JavaScript; without it the pages are the same server render.
    const check = (page: Page) => (javaScript ? expectAccessible(page) : Promise.resolve());
    const button = (page: Page, key: Parameters<typeof t>[0]) => page.getByRole("button", { name: t(key), exact: true });

    // Staff add a sitting.
    const office = await pageOf(staff.user.id);
    await office.goto(`/a/${association.slug}/exams`);
    await check(office);
    await office.getByLabel(t("exams.day"), { exact: true }).fill(dayFromToday(14));
    await office.getByLabel(t("exams.startsAt"), { exact: true }).fill("09:30");
    await office.getByLabel(t("exams.mode"), { exact: true }).selectOption("online");
    await office.getByLabel(t("exams.place"), { exact: true }).fill("https://meet.example.org/imhs");
    await office.getByLabel(t("exams.capacity"), { exact: true }).fill("4");
    await button(office, "exams.create").click();
    await office.getByText(t("exams.created")).waitFor();
    const roster = office.url();
    await check(office);

    // The applicant registers, asking for an accommodation.
    const applicant = await pageOf(examinee.user.id);
    await applicant.goto(`/applications/${examinee.applicationId}`);
    await check(applicant);
    await applicant.getByLabel(t("exams.accommodationRequest"), { exact: true }).fill("Extra time, please.");
    await button(applicant, "exams.registerButton").click();
    await applicant.getByText(t("exams.youRegistered")).waitFor();

    // Staff answer it, enter both parts and assign two raters.
    await office.goto(roster);
    await office.getByRole("link", { name: /Elena Examinada/ }).click();
    await check(office);
    await office.getByLabel(t("exams.accommodationAnswer"), { exact: true }).fill("Granted: 30 more minutes.");
    await button(office, "exams.answer").click();
    await office.getByText(t("exams.saved")).waitFor();
    await office.getByLabel(t("exams.part1", { items: 60 }), { exact: true }).fill("52");
    await button(office, "exams.part1Save").click();
    await office.getByText(t("exams.saved")).waitFor();
    await office.getByLabel(t("exams.part2"), { exact: true }).fill("Vignette 1: I would begin by wondering with the mother.");
    await button(office, "exams.part2Save").click();
    await office.getByText(t("exams.saved")).waitFor();
    for (const rater of raters) {
      await office.getByLabel(t("exams.rater"), { exact: true }).selectOption({ label: rater.name });
      await button(office, "exams.assign").click();
      await office.getByText(t("exams.saved")).waitFor();
    }
    await check(office);

    // Each rater finds the exam by its code only, and rates it.
    for (const rater of raters) {
      const page = await pageOf(rater.id);
      await page.goto("/exam-ratings");
      await check(page);
      await page.getByRole("link", { name: /EX-/ }).click();
      await page.getByText("Vignette 1: I would begin by wondering with the mother.").waitFor();
      expect(await page.content()).not.toContain("Elena Examinada");
      await check(page);
      await page.getByLabel(t("examRating.result"), { exact: true }).selectOption("pass");
      await page.getByLabel(t("examRating.comments"), { exact: true }).fill("Relationship-based throughout.");
      await page.getByLabel(t("examRating.hours"), { exact: true }).fill("2");
      await button(page, "examRating.submit").click();
      await page.getByText(t("examRating.submitted")).waitFor();
    }

    // The result: on the roster, and on the applicant's page.
    await office.reload();
    await office
      .getByText(t("exams.result", { result: t("exams.result.pass") }))
      .first()
      .waitFor();
    await applicant.reload();
    await applicant.getByText(t("exams.passedWaiting")).waitFor();
    await check(applicant);
    await Promise.all(contexts.map((context) => context.close()));
  });
});
