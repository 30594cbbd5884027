import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../src/frameworks/load-frameworks.ts";
import { translator } from "../../src/i18n/translate.ts";
import { expectAccessible } from "../setup/browser.ts";
import { startJourneyWithMail } from "../setup/journey.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

const { server, browser, inbox, close } = await startJourneyWithMail([["src/cli/seed-demo.ts"]]);
afterAll(close);

const ifs = loadFrameworks()
  .find((framework) => framework.id === "alliance-iecmh-e")!
  .categories.find((category) => category.id === "ifs")!;
const example = JSON.parse(readFileSync("examples/ifs-portfolio.json", "utf8")) as { training: Array<Record<string, unknown>> };
const amendment = (title: string) =>
  JSON.stringify({
    ...example,
    training: [...example.training, { id: "amended-1", title, provider: "Alliance", date: "2025-10-01", clockHours: 6, topics: [] }],
  });

describe.each([
  { slug: "sc-imh", applicant: "applicant2", language: "es" as const, javaScript: true },
  { slug: "mi-imh", applicant: "applicant1", language: "en" as const, javaScript: false },
])("a deferral and resubmission at $slug, the applicant in $language (JavaScript: $javaScript)", ({ slug, applicant, language, javaScript }) => {
  it("staff defer with feedback, the applicant gets the letter and its PDF, amends and resubmits, and the reviewer sees what changed", async () => {
    const contexts: BrowserContext[] = [];
    const signedIn = async (local: string) => {
      const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: javaScript, acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(browserWaitMs());
      const en = translator("en");
      await page.goto("/login");
      await page.getByLabel(en("field.email"), { exact: true }).fill(`${local}@${slug}.demo.cradle.test`);
      await page.getByLabel(en("field.password"), { exact: true }).fill("cradle-demo-2026");
      await page.getByRole("button", { name: en("logIn.submit") }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
      return page;
    };
    const check = (page: Page) => (javaScript ? expectAccessible(page) : Promise.resolve());
    const importPortfolio = async (page: Page, t: ReturnType<typeof translator>, file: string) => {
      await page.goto("/portfolio/import");
      await page
        .getByLabel(t("import.file"), { exact: true })
        .setInputFiles({ name: "portfolio.json", mimeType: "application/json", buffer: Buffer.from(file) });
      await page.getByRole("button", { name: t("import.submit") }).click();
      // "Added 1 entry." or "Added 12 entries.", in the page's language.
      const added = [1, 2].map((count) => t("import.added", { count }).replace(String(count), "\\d+").replace(".", "\\."));
      await page
        .getByText(new RegExp(`^(${added.join("|")})$`))
        .first()
        .waitFor();
    };
    const ta = translator(language);
    const ts = translator("en");

    // The applicant brings a portfolio that meets IFS, applies and submits.
    const person = await signedIn(applicant);
    await importPortfolio(person, ta, JSON.stringify(example));
    await person.goto("/applications");
    const choice = await person.locator("#field-choice option", { hasText: `${ifs.abbreviation}: ` }).getAttribute("value");
    await person.getByLabel(ta("applications.categoryToApply")).selectOption(choice);
    await person.getByRole("button", { name: ta("applications.startButton") }).click();
    await person.getByLabel(ta("application.attest")).check();
    await person.getByLabel(ta("application.ethics")).check();
    await person.getByRole("button", { name: ta("application.submit") }).click();
    await person.getByText(ta("application.submitted")).waitFor();
    const applicationPath = new URL(person.url()).pathname;
    const applicationId = applicationPath.split("/").pop()!;
    const filePath = `/a/${slug}/applications/${applicationId}`;

    // The admin assigns the reviewer, then defers with feedback from the file page.
    const admin = await signedIn("admin");
    await admin.goto(`/a/${slug}/applications`);
    // This application's own card: the demo's endorsed holders have reviewers named on theirs already.
    const card = admin.getByRole("article").filter({ has: admin.locator(`a[href="${filePath}"]`) });
    await card.getByLabel(ts("staffApplications.reviewer")).selectOption({ index: 0 });
    await card.getByRole("button", { name: ts("staffApplications.assign") }).click();
    await card.getByText(ts("staffApplications.reviewers", { names: "" }).trim().slice(0, 10)).waitFor();
    await admin.goto(filePath);
    await check(admin);
    await admin.getByRole("button", { name: ts("decision.submit") }).click();
    await admin.getByText(ts("error.choose")).first().waitFor();
    await admin.getByLabel(ts("decision.outcome.defer")).check();
    const feedback = language === "es" ? "Añada su formación sobre el apego, por favor." : "Please add your training on attachment.";
    await admin.getByLabel(ts("decision.feedback")).fill(feedback);
    await admin.getByRole("button", { name: ts("decision.submit") }).click();
    await admin.getByText(ts("decision.done")).waitFor();
    await check(admin);

    // The letter arrives by mail in the applicant's language, and as a PDF on the application page.
    const mail = await inbox.waitFor((received) => received.to.includes(`${applicant}@${slug}.demo.cradle.test`) && received.text.includes(feedback));
    expect(mail.subject).toBe(ta("letter.defer.subject", { category: ifs.name[language] }));
    await person.goto(applicationPath);
    await check(person);
    const download = person.waitForEvent("download");
    await person.getByRole("link", { name: /PDF/ }).first().click();
    const pdf = readFileSync(await (await download).path());
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text.replace(/\s+/g, " ")).toContain(feedback);

    // The applicant amends the portfolio and resubmits; version 2 goes to the reviewer with what changed.
    const title = language === "es" ? "El apego en distintas culturas" : "Attachment across cultures";
    await importPortfolio(person, ta, amendment(title));
    await person.goto(applicationPath);
    await person.getByRole("button", { name: ta("application.resubmit") }).click();
    await person.getByText(ta("application.resubmitted")).waitFor();
    const reviewer = await signedIn("reviewer");
    await reviewer.goto(filePath);
    await reviewer.getByText(ts("file.changes", { version: 1 })).waitFor();
    expect(await reviewer.content()).toContain(title);
    await check(reviewer);
    await reviewer.locator('a[href="?version=1"]').click();
    await reviewer.getByText(ts("file.earlierVersion", { version: 1, newest: 2 })).waitFor();
    expect(await reviewer.content()).not.toContain(title);

    // Staff word a letter their own way; an unknown placeholder is refused next to its field.
    await admin.goto(`/a/${slug}/letters?kind=endorse&locale=${language}`);
    await check(admin);
    await admin.getByLabel(ts("letterTexts.subject")).fill("Endorsed, {nmae}");
    await admin.getByRole("button", { name: ts("letterTexts.save") }).click();
    await admin.getByText(ts("letterTexts.unknownPlaceholder")).first().waitFor();
    await check(admin);
    for (const context of contexts) await context.close();
  });
});
