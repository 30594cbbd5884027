import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible } from "../setup/browser.ts";
import { startJourneyWithMail } from "../setup/journey.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

const { server, browser, inbox, close } = await startJourneyWithMail([["src/cli/seed-demo.ts"]]);
afterAll(close);

const sessionCount = 24;

/** A year of RS/C with one provider: two sessions a month, the name typed a little differently now and then. */
function portfolioFile(): string {
  const sessions = Array.from({ length: sessionCount }, (_, index) => ({
    id: `lee-${index + 1}`,
    direction: "received",
    date: `2025-${String(1 + Math.floor(index / 2)).padStart(2, "0")}-${index % 2 === 0 ? "05" : "19"}`,
    hours: 1,
    format: index % 4 === 3 ? "group" : "individual",
    ...(index % 4 === 3 ? { groupSize: 5 } : {}),
    provider: { name: index % 5 === 4 ? "dr. marisa lee " : "Dr. Marisa Lee", credentials: [] },
  }));
  return JSON.stringify({ format: "cradle-portfolio", version: 1, person: { name: "Applicant One" }, reflectiveSupervision: sessions });
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** The applicant imports a year of sessions and asks Dr. Marisa Lee, once, to confirm them all; returns the provider's link. */
async function askForAll(email: string, providerEmail: string) {
  const applicant = await browser.newContext({ baseURL: server.url, locale: "en-US", viewport: { width: 375, height: 812 } });
  const page = await applicant.newPage();
  page.setDefaultTimeout(browserWaitMs());
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("cradle-demo-2026");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "My account" }).waitFor();

  await page.goto("/portfolio/import");
  await page.getByLabel("Cradle portfolio (.json)").check();
  await page.getByLabel("File").setInputFiles({ name: "year.json", mimeType: "application/json", buffer: Buffer.from(portfolioFile()) });
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByText(`Added ${sessionCount} entries.`).waitFor();

  await page.goto("/portfolio");
  // Any of the sessions asks for all of them; the portfolio lists the newest first.
  await page
    .getByRole("link", { name: /^Ask for confirmation: I received it · 2025-\d\d-\d\d · 1 h · Individual$/ })
    .first()
    .click();
  await page.getByRole("heading", { name: "Ask someone to confirm this entry" }).waitFor();
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  await page.getByLabel("Their email").fill(providerEmail);
  await page.getByRole("button", { name: `Ask Dr. Marisa Lee to confirm all ${sessionCount} entries awaiting them` }).click();
  await page.getByText(`We emailed Dr. Marisa Lee one link to confirm ${sessionCount} entries.`).waitFor();
  const mail = await inbox.waitFor((m) => m.to.includes(providerEmail));
  return { applicant, page, path: new URL(linkIn(mail, "/c/")).pathname };
}

describe("one confirmation per provider, in a browser at 375 px", () => {
  it("the practitioner asks once, and the provider confirms 24 sessions through the one link", async () => {
    const { applicant, page, path } = await askForAll("applicant1@sc-imh.demo.cradle.test", "marisa.lee@example.org");
    const provider = await browser.newContext({ baseURL: server.url, locale: "en-US", viewport: { width: 375, height: 812 } });
    const providerPage = await provider.newPage();
    providerPage.setDefaultTimeout(browserWaitMs());
    const started = Date.now();
    await providerPage.goto(path);
    await providerPage.getByRole("heading", { name: "Please confirm entries for Applicant One" }).waitFor();
    expect(await providerPage.getByRole("group").count()).toBe(sessionCount);
    await expectAccessible(providerPage);
    await expectNoSidewaysScroll(providerPage);
    const confirmAll = providerPage.getByRole("button", { name: `Confirm all ${sessionCount}` });
    await confirmAll.focus();
    await providerPage.keyboard.press("Enter");
    await providerPage.getByText(`${sessionCount} of ${sessionCount} confirmed`).waitFor();
    console.log(
      `The provider confirmed ${sessionCount} sessions through one link in ${((Date.now() - started) / 1000).toFixed(1)} s (page load to answer recorded).`,
    );
    await expectAccessible(providerPage);

    await page.goto("/portfolio");
    await page.getByRole("link", { name: `See all ${sessionCount} entries of Reflective supervision and consultation` }).click();
    await page.getByText("Back to the whole portfolio").waitFor();
    expect(await page.locator("#reflective-supervision").getByText("Confirmed").count()).toBe(sessionCount);
    await provider.close();
    await applicant.close();
  });

  it("a Spanish-speaking provider declines one session with a note, by keyboard, without JavaScript", async () => {
    const { applicant, path } = await askForAll("applicant1@mi-imh.demo.cradle.test", "lee.es@example.org");
    const provider = await browser.newContext({ baseURL: server.url, locale: "es-MX", javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
    const page = await provider.newPage();
    page.setDefaultTimeout(browserWaitMs());
    await page.goto(path);
    await page.getByRole("heading", { name: "Confirme las entradas de Applicant One" }).waitFor();
    await expectNoSidewaysScroll(page);
    const second = page.getByRole("group", { name: /^2025-01-19/ });
    await second.getByRole("radio", { name: "No es correcta" }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Fue el 20 de enero.");
    await page.getByRole("button", { name: "Enviar mis respuestas" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText(`${sessionCount - 1} de ${sessionCount} confirmadas`).waitFor();
    await provider.close();
    await applicant.close();
  });
});
