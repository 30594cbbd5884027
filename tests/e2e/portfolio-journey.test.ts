import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { startJourney } from "../setup/journey.ts";
import { expectAccessible } from "../setup/browser.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

const { server, browser, close } = await startJourney([["src/cli/seed-demo.ts"]]);
afterAll(close);

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("cradle-demo-2026");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "My account" }).waitFor();
}

const trainingBar = "Relationship-based training on infant and early childhood mental health";

describe.each([
  { javaScript: true, email: "applicant1@sc-imh.demo.cradle.test" },
  { javaScript: false, email: "applicant1@mi-imh.demo.cradle.test" },
])("a practitioner builds a portfolio (JavaScript: $javaScript)", ({ javaScript, email }) => {
  it("adds training, fixes a mistake without losing it, and watches progress move", async () => {
    const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: javaScript, locale: "en-US", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(browserWaitMs());
    const check = (target: Page) => (javaScript ? expectAccessible(target) : Promise.resolve());
    await logIn(page, email);

    await page.getByRole("navigation").getByRole("link", { name: "My progress" }).click();
    await page.getByText(`${trainingBar}: 0 of 30 hours`).first().waitFor();
    await check(page);

    await page.getByRole("navigation").getByRole("link", { name: "My portfolio" }).click();
    await page.getByRole("heading", { name: "My portfolio" }).waitFor();
    await check(page);
    await page.getByRole("link", { name: "Add training" }).click();
    await page.getByLabel("Title", { exact: true }).fill("Foundations of infant mental health");
    await page.getByLabel("Date", { exact: true }).fill("2025-02-01");
    await page.getByLabel("Clock hours", { exact: true }).fill("twelve");
    await page.getByRole("checkbox", { name: "Diversity, equity and inclusion" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("We kept what you typed.").waitFor();
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe("Foundations of infant mental health");
    expect(await page.getByRole("checkbox", { name: "Diversity, equity and inclusion" }).isChecked()).toBe(true);
    await check(page);

    await page.getByLabel("Clock hours", { exact: true }).fill("12");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved to your portfolio.").waitFor();
    await page.getByText("Foundations of infant mental health · 2025-02-01 · 12 h").waitFor();

    await page.goto("/progress");
    await page.getByText(`${trainingBar}: 12 of 30 hours`).first().waitFor();
    await check(page);
    await context.close();
  });
});
