import type { Page } from "playwright-core";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sections } from "../../src/forms/portfolio-sections.ts";
import { en } from "../../src/i18n/messages-en.ts";
import { expectAccessible } from "../setup/browser.ts";
import { startJourney } from "../setup/journey.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

const { server, browser, close } = await startJourney([["src/cli/seed-demo.ts"]]);
let context: BrowserContext;

beforeAll(async () => {
  context = await browser.newContext({ baseURL: server.url, locale: "en-US", viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("applicant1@sc-imh.demo.cradle.test");
  await page.getByLabel("Password").fill("cradle-demo-2026");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "My account" }).waitFor();
  await page.close();
});
afterAll(async () => {
  await context?.close();
  await close();
});

// A person types, stops to think for longer than the autosave waits, and types on.
const typingDelay = 70;
const pauseAfterKeeping = 300;

/** Whether the focused element is the one labelled `label`, as the browser sees it. */
function isFocused(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).evaluate((element) => element === document.activeElement);
}

/** Types on the keyboard, waits until the draft is kept, and checks the page left the field alone. */
async function typeThenPause(page: Page, label: string, words: string) {
  const kept = page.waitForResponse((response) => response.request().method() === "POST" && response.request().postData()?.includes("autosave") === true);
  await page.keyboard.type(words, { delay: typingDelay });
  await kept;
  await page.waitForTimeout(pauseAfterKeeping);
  expect(await isFocused(page, label), `focus stays in ${label} after the autosave`).toBe(true);
}

// Each form in its own tab, all at once: a person types slowly, so the tests spend their time waiting.
describe.concurrent("autosave never moves focus or replaces what is being typed", () => {
  it.each(sections.map((section) => [section.id, section] as const))("%s: typing on after each pause loses nothing", async (_id, section) => {
    const page = await context.newPage();
    page.setDefaultTimeout(browserWaitMs());
    try {
      await page.goto(`/portfolio/${section.id}/new`);
      const field = section.fields.find((candidate) => candidate.kind === "text")!;
      const label = en[field.label];
      await page.getByLabel(label, { exact: true }).click();
      await typeThenPause(page, label, "Attachment");
      await typeThenPause(page, label, " and early");
      const lastKept = page.waitForResponse((response) => response.request().method() === "POST");
      await page.keyboard.type(" relationships", { delay: typingDelay });
      expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe("Attachment and early relationships");
      await expectAccessible(page);

      // Whatever was typed last is the draft that comes back.
      await lastKept;
      await page.getByRole("status").filter({ hasText: en["portfolio.autosaved"] }).waitFor();
      await page.reload();
      await page.getByText(en["portfolio.draftRestored"]).waitFor();
      expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe("Attachment and early relationships");
    } finally {
      await page.close();
    }
  });

  it("the personal statement: typing on after each pause loses nothing", async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(browserWaitMs());
    try {
      await page.goto("/portfolio/statement");
      const label = en["statement.label"];
      await page.getByLabel(label, { exact: true }).click();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.press("Delete");
      await typeThenPause(page, label, "I came to this work");
      await page.keyboard.type(" through home visiting.", { delay: typingDelay });
      expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe("I came to this work through home visiting.");
    } finally {
      await page.close();
    }
  });
});
