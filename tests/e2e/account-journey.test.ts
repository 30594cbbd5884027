import { afterAll, describe, expect, it } from "vitest";
import { startJourneyWithMail } from "../setup/journey.ts";
import { expectAccessible } from "../setup/browser.ts";
import { linkIn } from "../setup/smtp-inbox.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

const { server, browser, inbox, close } = await startJourneyWithMail();
afterAll(close);

describe.each([
  { javaScript: true, label: "with JavaScript" },
  { javaScript: false, label: "without JavaScript" },
])("a newcomer's first visit, $label", ({ javaScript }) => {
  it("signs up, confirms the email, logs in, switches to Spanish and logs out", async () => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: "en-US", baseURL: server.url });
    const page = await context.newPage();
    // axe runs inside the page, so it needs JavaScript; the pages without it are the same server render.
    const checkAccessibility = (target: typeof page) => (javaScript ? expectAccessible(target) : Promise.resolve());
    page.setDefaultTimeout(browserWaitMs());
    const email = `newcomer-${javaScript ? "js" : "nojs"}@example.org`;

    await page.goto("/");
    await page.keyboard.press("Tab");
    expect(await page.locator(".skip-link:focus").textContent()).toBe("Skip to main content");
    await checkAccessibility(page);

    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Full name").fill("María López");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByText("Use at least 10 characters.").first().isVisible()).toBe(true);
    expect(await page.getByLabel("Full name").inputValue()).toBe("María López");
    await checkAccessibility(page);

    await page.getByLabel("Password").fill("una contraseña larga");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await checkAccessibility(page);

    const mail = await inbox.waitFor((m) => m.to.includes(email));
    await page.goto(linkIn(mail, "/verify-email?token="));
    await page.getByText("Your email is confirmed.").waitFor();
    await checkAccessibility(page);

    await page.getByRole("link", { name: "Log in" }).first().click();
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("una contraseña larga");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "My account" }).waitFor();
    expect(await page.getByText("María López").isVisible()).toBe(true);
    await checkAccessibility(page);

    await page.getByLabel("Language").selectOption("es");
    await page.getByRole("button", { name: "Change" }).click();
    await page.getByRole("heading", { name: "Mi cuenta" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await checkAccessibility(page);

    await page.getByRole("button", { name: "Cerrar sesión" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "Iniciar sesión" }).waitFor();
    await page.goto("/account");
    await page.getByText("Inicie sesión para ver esta página.").first().waitFor();
    await checkAccessibility(page);
    await context.close();
  });
});
