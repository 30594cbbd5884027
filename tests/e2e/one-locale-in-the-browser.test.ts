import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { en } from "../../src/i18n/messages-en.ts";
import { es } from "../../src/i18n/messages-es.ts";
import { startJourney } from "../setup/journey.ts";

const { server, browser, close } = await startJourney();
afterAll(close);

/** A page in a browser of that language, and the text of every script it has received so far. */
async function open(locale: "en-US" | "es-MX", javaScript: boolean) {
  const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: javaScript, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".js")) scripts.push(response.text());
  });
  return { page, scripts: async () => Promise.all(scripts), close: () => context.close() };
}

const skipLink = async (page: Page) => page.locator(".skip-link").textContent();
const holds = (texts: string[], phrase: string) => texts.some((text) => text.includes(phrase));

describe("the browser gets the page's language only", () => {
  it("an English page loads the English messages and no Spanish ones", async () => {
    const { page, scripts, close: done } = await open("en-US", true);
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    const loaded = await scripts();
    expect(holds(loaded, en["logIn.rateLimited"])).toBe(true);
    expect(holds(loaded, es["logIn.rateLimited"])).toBe(false);
    expect(holds(loaded, es["layout.skipToContent"])).toBe(false);
    await done();
  });

  it("a Spanish page stays Spanish after hydration and a client-side navigation, and switching to English brings the English messages", async () => {
    const { page, scripts, close: done } = await open("es-MX", true);
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    expect(holds(await scripts(), en["logIn.rateLimited"])).toBe(false);
    expect(holds(await scripts(), es["logIn.rateLimited"])).toBe(true);
    await page.getByRole("navigation").getByRole("link", { name: es["nav.logIn"], exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/login$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(es["logIn.title"]);
    expect(await skipLink(page)).toBe(es["layout.skipToContent"]);

    await page.getByLabel(es["layout.language"]).selectOption("en");
    await page.getByRole("button", { name: es["layout.changeLanguage"] }).click();
    await expect.poll(() => skipLink(page)).toBe(en["layout.skipToContent"]);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(en["logIn.title"]);
    expect(holds(await scripts(), en["logIn.rateLimited"])).toBe(true);
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
