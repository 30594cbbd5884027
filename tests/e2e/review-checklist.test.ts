import { afterAll, describe, expect, it } from "vitest";
import { assignReviewer } from "../../src/commands/assign-reviewer.ts";
import { en } from "../../src/i18n/messages-en.ts";
import { reportText } from "../../src/i18n/report-text.ts";
import { translator } from "../../src/i18n/translate.ts";
import { reviewChecklist } from "../../src/queries/reviews.ts";
import { accessibilityProblems, launchChromium } from "../setup/browser.ts";
import { buildMember } from "../setup/builders.ts";
import { buildAllianceAssociation, buildApplicationInReview, runOrThrow } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

/**
 * The reviewer's checklist in a browser: what is typed is kept as a draft while the reviewer
 * types (and comes back after a reload), an override without a comment is refused next to its
 * field with the focus on the summary, and staff read two reviews side by side; axe finds nothing.
 */
const app = await startTestApp();
const browser = await launchChromium();
afterAll(async () => {
  await browser.close();
  await app.close();
});
const { db } = app.services;

const association = await buildAllianceAssociation(app);
const inReview = await buildApplicationInReview(app, { associationId: association.id, name: "Ana Applicant" });
const second = await buildMember(db, association.id, "reviewer", { name: "Sam Second" });
await runOrThrow(app, assignReviewer, inReview.staff.actor, {
  associationId: association.id,
  associationSlug: association.slug,
  applicationId: inReview.applicationId,
  reviewerUserId: second.id,
});
const file = `/a/${association.slug}/applications/${inReview.applicationId}`;
const checklist = await reviewChecklist(app.services, inReview.reviewer.actor, association.slug, inReview.applicationId);
const first = checklist.checklist[0]!;
const commentLabel = translator("en")("checklist.comment", { requirement: reportText("en", translator("en"), first.label) });

async function browserOf(userId: string) {
  const context = await browser.newContext({ baseURL: app.url, locale: "en-US" });
  const client = await app.clientAs(userId);
  await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value: encodeURIComponent(value), url: app.url })));
  const page = await context.newPage();
  page.setDefaultTimeout(browserWaitMs());
  return { page, close: () => context.close() };
}

describe("the reviewer's checklist in a browser", () => {
  it("keeps the draft as the reviewer types, and refuses an override without a comment next to its field", async () => {
    const { page, close } = await browserOf(inReview.reviewer.user.id);
    try {
      await page.goto(`${file}/review`);
      expect(await accessibilityProblems(page)).toEqual([]);
      // Autosave listens once React has hydrated the form.
      await page.waitForFunction(() => Object.keys(document.querySelector("form[method=post]") ?? {}).some((key) => key.startsWith("__react")));
      const verdict = page.getByRole("group", { name: en["checklist.yourVerdict"] }).first();
      await verdict.getByLabel(en["checklist.decision.override"]).check();
      const kept = page.waitForResponse((response) => response.request().method() === "POST" && response.request().postData()?.includes("autosave") === true);
      await page.getByLabel(en["checklist.feedback"]).fill("Kept while typing");
      await kept;
      await page.getByRole("status").filter({ hasText: en["checklist.autosaved"] }).waitFor();
      await page.reload();
      expect(await page.getByLabel(en["checklist.feedback"]).inputValue()).toBe("Kept while typing");
      expect(await verdict.getByLabel(en["checklist.decision.override"]).isChecked()).toBe(true);

      await page.getByRole("button", { name: en["checklist.submit"] }).click();
      const summary = page.getByRole("alert");
      await summary.getByRole("link", { name: commentLabel, exact: false }).first().waitFor();
      expect(await page.getByLabel(commentLabel).getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator(`#error-comment-${first.key}`).textContent()).toContain("an override needs a comment");
      expect(await page.getByLabel(en["checklist.feedback"]).inputValue()).toBe("Kept while typing");
      expect(await accessibilityProblems(page)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows staff two submitted reviews side by side, the disagreements in words", async () => {
    const fields = (decision: string, comment: string, recommendation: string) => {
      const values: Record<string, string> = { intent: "submit", feedback: "Feedback", hours: "2", recommendation };
      for (const requirement of checklist.checklist) values[`decision-${requirement.key}`] = requirement.engine === "needs-person" ? "met" : "confirm";
      for (const item of checklist.judged) values[`score-${item.key}`] = "3";
      values[`decision-${first.key}`] = decision;
      values[`comment-${first.key}`] = comment;
      return values;
    };
    expect((await (await app.clientAs(inReview.reviewer.user.id)).post(`${file}/review`, fields("confirm", "", "endorse"))).status).toBe(302);
    expect((await (await app.clientAs(second.id)).post(`${file}/review`, fields("override", "Not shown in the file", "defer"))).status).toBe(302);
    const { page, close } = await browserOf(inReview.staff.user.id);
    try {
      await page.goto(file);
      await page.getByRole("link", { name: en["reviewsCompared.link"] }).click();
      await page.getByRole("heading", { level: 1 }).filter({ hasText: en["reviewsCompared.title"] }).waitFor();
      await page.getByText("The reviewers disagree on 2 items, marked below.").waitFor();
      expect(await page.getByRole("row").filter({ hasText: en["reviewsCompared.disagree"] }).count()).toBe(2);
      expect(await accessibilityProblems(page)).toEqual([]);
    } finally {
      await close();
    }
  });
});
