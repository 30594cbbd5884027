import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { startJourney } from "../setup/journey.ts";
import { expectAccessible } from "../setup/browser.ts";
import { browserWaitMs } from "../setup/test-timeouts.ts";

// The CLI and the demo seed run before the server, as a new installation would.
const createOwner = ["src/cli/cradle.ts", "create-owner", "--email", "owner@example.org", "--name", "Olga Owner", "--password", "owner password 1"];
const { server, browser, close } = await startJourney([createOwner, ["src/cli/seed-demo.ts"]]);
afterAll(close);

async function logIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "My account" }).waitFor();
}

describe("running an installation", () => {
  it("an owner creates an association, fixes a mistake, and reads the dev mailbox", async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: "en-US" });
    const page = await context.newPage();
    page.setDefaultTimeout(browserWaitMs());
    await logIn(page, "owner@example.org", "owner password 1");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Associations" }).click();
    await page.getByRole("heading", { name: "Associations", level: 1 }).waitFor();
    expect(
      await page
        .getByRole("link", { name: /California Center/ })
        .first()
        .isVisible(),
    ).toBe(true);
    await expectAccessible(page);

    await page.getByLabel("Name", { exact: true }).fill("Texas Infant Mental Health Association");
    await page.getByLabel("Web address").fill("Texas IMH");
    await page.getByLabel("Time zone").selectOption("America/Chicago");
    await page.getByLabel("Contact email").fill("hello@tx.example.org");
    await page.getByRole("button", { name: "Create an association" }).click();
    await page.getByText("Use lowercase letters, numbers and single hyphens").first().waitFor();
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Texas Infant Mental Health Association");
    await expectAccessible(page);

    await page.getByLabel("Web address").fill("tx-imh");
    await page.getByRole("button", { name: "Create an association" }).click();
    await page.getByText("The association Texas Infant Mental Health Association was created.").waitFor();

    await page.goto("/a/tx-imh");
    await page.getByRole("heading", { name: "Texas Infant Mental Health Association" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Manage people" }).click();
    await page.getByLabel("Email").fill("applicant1@ca-center.demo.cradle.test");
    await page.getByLabel("Role").selectOption("reviewer");
    await page.getByRole("button", { name: "Give role" }).click();
    await page.getByText("applicant1@ca-center.demo.cradle.test is now Reviewer.").waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Dev mailbox" }).click();
    await page.getByRole("heading", { name: "You have a new role at Texas Infant Mental Health Association" }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("an association's admin sees its people but not the owner's screens", async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: "es-MX" });
    const page = await context.newPage();
    page.setDefaultTimeout(browserWaitMs());
    await page.goto("/login");
    await page.getByLabel("Correo electrónico").fill("admin@sc-imh.demo.cradle.test");
    await page.getByLabel("Contraseña").fill("cradle-demo-2026");
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.getByRole("heading", { name: "Mi cuenta" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: /South Carolina/ }).click();
    await page.getByRole("link", { name: "Administrar personas" }).click();
    await page.getByRole("cell", { name: "reviewer@sc-imh.demo.cradle.test" }).waitFor();
    await expectAccessible(page);
    const forbidden = await page.goto("/owner/associations");
    expect(forbidden?.status()).toBe(403);
    await page.getByText("No tiene acceso a esta página.").waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
