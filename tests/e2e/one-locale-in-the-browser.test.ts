import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { en } from "../../src/i18n/messages-en.ts";
import { es } from "../../src/i18n/messages-es.ts";
import { startJourney } from "../setup/journey.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

const { server, browser, close } = await startJourney([["src/cli/seed-demo.ts"]]);
afterAll(close);

/** A page in a browser of that language, and the text of every script it has received so far. */
async function open(locale: "en-US" | "es-MX", javaScript: boolean) {
  const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: javaScript, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(browserWaitMs());
  // The addresses, read again afterwards: a body the browser has already dropped (the page moved on) cannot be
  // read from it, and a build file's address always gives the same bytes.
  const scriptUrls: string[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".js")) scriptUrls.push(response.url());
  });
  const scripts = () => Promise.all(scriptUrls.map(async (url) => (await fetch(url)).text()));
  return { page, scripts, close: () => context.close() };
}

const skipLink = async (page: Page) => page.locator(".skip-link").textContent();
const holds = (texts: string[], phrase: string) => texts.some((text) => text.includes(phrase));

/** Logs in through the form, as a person does; the Spanish demo applicant's account says Spanish. */
async function logIn(page: Page, t: typeof es | typeof en) {
  await page.goto("/login");
  await page.getByLabel(t["field.email"], { exact: true }).fill("applicant2@sc-imh.demo.cradle.test");
  await page.getByLabel(t["field.password"], { exact: true }).fill("cradle-demo-2026");
  await page.getByRole("button", { name: t["logIn.submit"] }).click();
  await page.getByRole("navigation").getByRole("link", { name: t["nav.portfolio"], exact: true }).waitFor();
}

describe("the browser gets the page's language only", () => {
  it("a page anyone may open loads no script at all, and its language switch works as a plain form", async () => {
    const { page, scripts, close: done } = await open("en-US", true);
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    await page.getByRole("navigation").getByRole("link", { name: en["nav.logIn"], exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/login$/);
    await page.getByLabel(en["layout.language"]).selectOption("es");
    await page.getByRole("button", { name: en["layout.changeLanguage"] }).click();
    await expect.poll(() => skipLink(page)).toBe(es["layout.skipToContent"]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(es["logIn.title"]);
    await page.waitForLoadState("networkidle");
    expect(await scripts()).toEqual([]);
    await done();
  });

  it("a Spanish signed-in page loads the Spanish messages only, stays Spanish after a client-side navigation, and switching to English brings the English ones", async () => {
    const { page, scripts, close: done } = await open("es-MX", true);
    await logIn(page, es);
    await page.goto("/portfolio");
    await page.waitForLoadState("networkidle");
    expect(holds(await scripts(), es["logIn.rateLimited"])).toBe(true);
    expect(holds(await scripts(), en["logIn.rateLimited"])).toBe(false);
    await page.getByRole("navigation").getByRole("link", { name: es["nav.progress"], exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(es["progress.title"]);
    expect(await skipLink(page)).toBe(es["layout.skipToContent"]);

    await page.getByLabel(es["layout.language"]).selectOption("en");
    await page.getByRole("button", { name: es["layout.changeLanguage"] }).click();
    await expect.poll(() => skipLink(page)).toBe(en["layout.skipToContent"]);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(en["progress.title"]);
    expect(holds(await scripts(), en["logIn.rateLimited"])).toBe(true);

    // From a page that hydrates to one that does not and back, by links: each shows, nothing fails.
    const errors: Error[] = [];
    page.on("pageerror", (error) => errors.push(error));
    await page.getByRole("navigation").getByRole("link", { name: en["nav.home"], exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(en["home.title"]);
    await page.getByRole("link", { name: en["home.start.portfolio"] }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(en["portfolio.title.page"]);
    expect(errors).toEqual([]);
    await done();
  });

  it("a Spanish page without JavaScript is Spanish, rendered by the server", async () => {
    const { page, close: done } = await open("es-MX", false);
    await page.goto("/login");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(es["logIn.title"]);
    expect(await skipLink(page)).toBe(es["layout.skipToContent"]);
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await done();
  });
});
