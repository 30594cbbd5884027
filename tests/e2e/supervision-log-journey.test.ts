import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible } from "../setup/browser.ts";
import { startJourneyWithMail } from "../setup/journey.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

const { server, browser, inbox, close } = await startJourneyWithMail([["src/cli/seed-demo.ts"]]);
afterAll(close);

// A person types at a phone's pace.
const typing = { delay: 60 };

describe("a year of reflective supervision on a phone: logged as one series, confirmed through one link", () => {
  it("takes minutes, not half an hour", async () => {
    const phone = { baseURL: server.url, locale: "en-US", viewport: { width: 375, height: 812 } };
    const applicant = await browser.newContext(phone);
    const provider = await browser.newContext(phone);
    try {
      const page = await applicant.newPage();
      page.setDefaultTimeout(browserWaitMs());
      const started = Date.now();
      await page.goto("/login");
      await page.getByLabel("Email").pressSequentially("applicant1@sc-imh.demo.cradle.test", typing);
      await page.getByLabel("Password").pressSequentially("cradle-demo-2026", typing);
      await page.getByRole("button", { name: "Log in" }).click();
      await page.getByRole("heading", { name: "My account" }).waitFor();

      await page.getByRole("navigation").getByRole("link", { name: "My portfolio" }).click();
      await page.getByRole("link", { name: "Log a series of sessions" }).click();
      await page.getByRole("heading", { name: "Log a series of sessions" }).waitFor();
      await expectAccessible(page);
      // Every other Tuesday through the year: 7 January to 2 December is 24 sessions.
      await page.getByLabel("Date of the first session").fill("2025-01-07");
      await page.getByLabel("Date of the last session").fill("2025-12-02");
      await page.getByLabel("How often").selectOption({ label: "Every other week" });
      await page.getByLabel("Hours", { exact: true }).pressSequentially("1", typing);
      await page.getByLabel("Name of the person who provided it").pressSequentially("Dr. Marisa Lee", typing);
      await page.getByRole("button", { name: "Add the sessions" }).click();
      await page.getByText("Added 24 sessions.").waitFor();
      const logged = Date.now();

      // Any of the sessions asks for all of them; the portfolio lists the newest first.
      await page
        .getByRole("link", { name: /^Ask for confirmation: I received it · 2025-\d\d-\d\d · 1 h · Individual$/ })
        .first()
        .click();
      await page.getByLabel("Their email").pressSequentially("marisa.lee@example.org", typing);
      await page.getByRole("button", { name: "Ask Dr. Marisa Lee to confirm all 24 entries awaiting them" }).click();
      await page.getByText("We emailed Dr. Marisa Lee one link to confirm 24 entries.").waitFor();
      const mail = await inbox.waitFor((message) => message.to.includes("marisa.lee@example.org"));
      expect(inbox.received.filter((message) => message.to.includes("marisa.lee@example.org"))).toHaveLength(1);
      const asked = Date.now();

      const providerPage = await provider.newPage();
      providerPage.setDefaultTimeout(browserWaitMs());
      await providerPage.goto(new URL(linkIn(mail, "/c/")).pathname);
      await providerPage.getByRole("button", { name: "Confirm all 24" }).click();
      await providerPage.getByText("24 of 24 confirmed").waitFor();
      const confirmed = Date.now();

      await page.goto("/portfolio");
      await page.getByRole("link", { name: /^See all 24 entries of / }).click();
      await page.getByText("Back to the whole portfolio").waitFor();
      expect(await page.locator("#reflective-supervision").getByText("Confirmed").count()).toBe(24);
      const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
      console.log(
        `24 RS/C sessions: logged as one series in ${seconds(started, logged)} s (log-in included), confirmation asked in ${seconds(logged, asked)} s, ` +
          `confirmed by the provider through one link in ${seconds(asked, confirmed)} s; ${seconds(started, confirmed)} s in all.`,
      );
    } finally {
      await provider.close();
      await applicant.close();
    }
  });
});
