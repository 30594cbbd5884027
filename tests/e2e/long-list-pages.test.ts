import { afterAll, describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/translate.ts";
import { accessibilityProblems, launchChromium, sidewaysOverflow } from "../setup/browser.ts";
import { buildMember } from "../setup/builders.ts";
import { buildAllianceAssociation } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

/**
 * A long list on a phone (issue 18, decision 024): its pages are plain links and its filters a GET
 * form, so staff move through 120 applications and filter them with JavaScript or without, in
 * English and Spanish, at 375 px, with nothing for axe.
 */
const app = await startTestApp();
const browser = await launchChromium();
afterAll(async () => {
  await browser.close();
  await app.close();
});
const { db } = app.services;
const association = await buildAllianceAssociation(app);
const staff = await buildMember(db, association.id, "staff");
const applicants = await db
  .insertInto("users")
  .values(Array.from({ length: 120 }, (_, i) => ({ email: `long-list-${i}@example.org`, name: `Applicant ${i}`, password_hash: "x" })))
  .returning("id")
  .execute();
await db
  .insertInto("applications")
  .values(
    applicants.map((applicant, i) => ({
      user_id: applicant.id,
      association_id: association.id,
      framework_id: "alliance-iecmh-e",
      category_id: "ifs",
      status: i % 4 === 0 ? ("in-review" as const) : ("submitted" as const),
      submitted_at: new Date(Date.now() - (i + 1) * 86_400_000),
      updated_at: new Date(),
    })),
  )
  .execute();

describe("the staff applications list on a phone", () => {
  it.each([
    { language: "en", locale: "en-US", javaScript: true },
    { language: "es", locale: "es-MX", javaScript: false },
  ] as const)("moves between pages and filters by status ($language, JavaScript: $javaScript)", async ({ language, locale, javaScript }) => {
    const t = translator(language);
    const context = await browser.newContext({ baseURL: app.url, locale, viewport: { width: 375, height: 740 }, javaScriptEnabled: javaScript });
    try {
      const client = await app.clientAs(staff.id);
      await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value: encodeURIComponent(value), url: app.url })));
      const page = await context.newPage();
      page.setDefaultTimeout(browserWaitMs());
      const pager = page.getByRole("navigation", { name: t("pager.pagesOf", { list: t("staffApplications.title") }) });

      await page.goto(`/a/${association.slug}/applications`);
      await pager.getByText(t("pager.showing", { from: 1, to: 50, total: 120 })).waitFor();
      await pager.getByRole("link", { name: t("pager.next") }).click();
      await pager.getByText(t("pager.showing", { from: 51, to: 100, total: 120 })).waitFor();
      await pager.getByRole("link", { name: t("pager.last") }).click();
      await pager.getByText(t("pager.showing", { from: 101, to: 120, total: 120 })).waitFor();
      expect(await page.getByRole("heading", { level: 2, name: /^Applicant 119:/ }).count()).toBe(1);

      await page.getByLabel(t("listFilter.status")).selectOption("in-review");
      await page.getByRole("button", { name: t("listFilter.show") }).click();
      await page.getByText(t("pager.showing", { from: 1, to: 30, total: 30 })).waitFor();
      expect(new URL(page.url()).searchParams.get("status")).toBe("in-review");
      expect(await page.getByLabel(t("listFilter.status")).inputValue()).toBe("in-review");
      expect(await page.getByRole("heading", { level: 2, name: /^Applicant 1:/ }).count()).toBe(0);

      await page.goto(`/a/${association.slug}/applications?after=2`);
      expect(await sidewaysOverflow(page)).toEqual([]);
      if (javaScript) expect(await accessibilityProblems(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
