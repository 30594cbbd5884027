import { afterAll, describe, expect, it } from "vitest";
import { en } from "../../src/i18n/messages-en.ts";
import { startJourney } from "../setup/journey.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

const { server, browser, close } = await startJourney();
afterAll(close);

describe("from a public page to a form, in the browser", () => {
  it.each([true, false])(
    "runs the public page's scripts under its hash-based policy and posts the next page's form with its token (JavaScript: %s)",
    async (javaScript) => {
      const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: javaScript, locale: "en-US" });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(browserWaitMs());
        const refusedByPolicy: string[] = [];
        page.on("console", (message) => {
          if (message.text().includes("Content Security Policy")) refusedByPolicy.push(message.text());
        });
        const home = await page.goto("/");
        await page.waitForLoadState("networkidle");
        expect(await home!.headerValue("set-cookie")).toBeNull();
        // Nor does anything the browser asks for by itself (its /favicon.ico): a cookie set then could replace the next page's.
        expect(await context.cookies()).toEqual([]);

        // With JavaScript this is a client-side navigation: the home page gave no token, the log-in page's form needs one.
        // (React Router asks for the root's data and the page's in two requests at once: only the root's may set the cookie.)
        await page.getByRole("navigation").getByRole("link", { name: en["nav.logIn"], exact: true }).click();
        await expect.poll(() => page.url()).toMatch(/\/login$/);
        await page.getByLabel(en["field.email"]).fill("nobody@example.org");
        await page.getByLabel(en["field.password"]).fill("not the password");
        await page.getByRole("button", { name: en["logIn.submit"] }).last().click();
        await page.getByText(en["logIn.invalid"]).first().waitFor();
        expect(await page.getByText(en["error.csrf"]).count()).toBe(0);
        expect(refusedByPolicy).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
