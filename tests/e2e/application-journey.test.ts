import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchChromium } from "../setup/browser.ts";
import { type ServerProcess, startServerProcess } from "../setup/server-process.ts";
import { linkIn, startSmtpInbox } from "../setup/smtp-inbox.ts";

let server: ServerProcess;
let browser: Browser;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;

beforeAll(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cradle-e2e-apply-"));
  await promisify(execFile)(process.execPath, ["src/cli/seed-demo.ts"], { env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir } });
  inbox = await startSmtpInbox();
  server = await startServerProcess({ DATA_DIR: dataDir, SMTP_URL: inbox.url });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.child.kill("SIGTERM");
  await server?.exited;
  await inbox?.close();
});

const words = {
  en: {
    email: "Email", password: "Password", logIn: "Log in", portfolio: "My portfolio", addTraining: "Add training", title: "Title", date: "Date", clockHours: "Clock hours", save: "Save", saved: "Saved to your portfolio.",
    addRsc: "Add a session", hours: "Hours", providerName: "Name of the person who provided it", providerCredential: "The provider's endorsement", providerEarned: "Endorsed since",
    askConfirm: "Ask for confirmation", theirName: "Their name", theirEmail: "Their email", sendLink: "Send the link", yes: "Yes, this is right", thanks: "Thank you. Your answer is recorded.", confirmed: "Confirmed",
    references: "My references", raterName: "Rater's name", raterEmail: "Rater's email", role: "Their role for you", send: "Send the request", submitRating: "Send my rating", ratingThanks: "Thank you. Your rating is recorded.",
    progress: "My progress", rscLine: "Reflective supervision/consultation received: 24 of 24 hours", applications: "My applications", start: "Start", attest: "I attest", ethics: "I sign the code of ethics", submit: "Submit my application", submitted: "Your application was submitted.",
    completed: "Completed on",
    category: "Category",
  },
  es: {
    email: "Correo electrónico", password: "Contraseña", logIn: "Entrar", portfolio: "Mi portafolio", addTraining: "Agregar capacitación", title: "Título", date: "Fecha", clockHours: "Horas reloj", save: "Guardar", saved: "Se guardó en su portafolio.",
    addRsc: "Agregar una sesión", hours: "Horas", providerName: "Nombre de quien la brindó", providerCredential: "La acreditación de quien la brindó", providerEarned: "Acreditado/a desde",
    askConfirm: "Pedir confirmación", theirName: "Su nombre", theirEmail: "Su correo", sendLink: "Enviar el enlace", yes: "Sí, es correcto", thanks: "Gracias. Su respuesta quedó registrada.", confirmed: "Confirmada",
    references: "Mis referencias", raterName: "Nombre de quien evalúa", raterEmail: "Correo de quien evalúa", role: "Su rol respecto a usted", send: "Enviar la solicitud", submitRating: "Enviar mi evaluación", ratingThanks: "Gracias. Su evaluación quedó registrada.",
    progress: "Mi progreso", rscLine: "Supervisión/consulta reflexiva recibida: 24 de 24 horas", applications: "Mis solicitudes", start: "Comenzar", attest: "Declaro", ethics: "Firmo el código de ética", submit: "Enviar mi solicitud", submitted: "Su solicitud fue enviada.",
    completed: "Completada el",
    category: "Categoría",
  },
} as const;

describe.each([
  { language: "en" as const, javaScript: true, email: "applicant1@sc-imh.demo.cradle.test", slug: "sc" },
  { language: "es" as const, javaScript: false, email: "applicant2@mi-imh.demo.cradle.test", slug: "mi" },
])("an applicant's journey in $language (JavaScript: $javaScript)", ({ language, javaScript, email, slug }) => {
  it("builds RS/C hours confirmed by the provider, gets references through emailed links, and submits", async () => {
    const w = words[language];
    const context = await browser.newContext({ baseURL: server.url, javaScriptEnabled: javaScript, locale: language === "en" ? "en-US" : "es-MX" });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const check = (target: Page) => (javaScript ? expectAccessible(target) : Promise.resolve());
    const nav = (name: string) => page.getByRole("navigation").getByRole("link", { name, exact: true });

    await page.goto("/login");
    await page.getByLabel(w.email).fill(email);
    await page.getByLabel(w.password).fill("cradle-demo-2026");
    await page.getByRole("button", { name: w.logIn }).click();
    await nav(w.portfolio).click();

    for (const [date, hours] of [["2025-01-10", "12"], ["2026-01-20", "12"]] as const) {
      await page.getByRole("link", { name: w.addRsc }).click();
      await page.getByLabel(w.date, { exact: true }).fill(date);
      await page.getByLabel(w.hours, { exact: true }).fill(hours);
      await page.getByLabel(w.providerName).fill("Dr. Lee");
      await page.getByLabel(w.providerCredential).selectOption("alliance-iecmh-e/imhs");
      await page.getByLabel(w.providerEarned).fill("2010-01-01");
      await check(page);
      await page.getByRole("button", { name: w.save, exact: true }).click();
      await page.getByText(w.saved).waitFor();
    }
    await check(page);

    await page.getByRole("link", { name: new RegExp(`^${w.askConfirm}`) }).first().click();
    await page.getByLabel(w.theirEmail).fill(`lee-${slug}@example.org`);
    await check(page);
    await page.getByRole("button", { name: w.sendLink }).click();
    const confirmation = await inbox.waitFor((m) => m.to.includes(`lee-${slug}@example.org`));
    const provider = await (await browser.newContext({ baseURL: server.url, javaScriptEnabled: javaScript, locale: language === "en" ? "en-US" : "es-MX" })).newPage();
    await provider.goto(linkIn(confirmation, "/v/"));
    await check(provider);
    await provider.getByRole("button", { name: w.yes }).click();
    await provider.getByText(w.thanks).waitFor();
    await page.goto("/portfolio");
    await page.getByText(w.confirmed).first().waitFor();

    await page.goto("/portfolio/references");
    for (const [name, role] of [["Ana Supervisor", "current-supervisor"], ["Dr. Lee", "rsc-provider"]] as const) {
      await page.getByLabel(w.raterName).fill(name);
      await page.getByLabel(w.raterEmail).fill(`${role}-${slug}@example.org`);
      await page.getByLabel(w.role).selectOption(role);
      await page.getByRole("button", { name: w.send }).click();
      const request = await inbox.waitFor((m) => m.to.includes(`${role}-${slug}@example.org`));
      const rater = await (await browser.newContext({ baseURL: server.url, javaScriptEnabled: javaScript, locale: language === "en" ? "en-US" : "es-MX" })).newPage();
      await rater.goto(linkIn(request, "/r/"));
      await check(rater);
      for (const group of await rater.locator("fieldset").all()) await group.getByRole("radio").nth(2).check();
      await rater.getByRole("button", { name: w.submitRating }).click();
      await rater.getByText(w.ratingThanks).waitFor();
      await page.goto("/portfolio/references");
    }
    expect(await page.getByText(w.completed).count()).toBe(2);
    await check(page);

    await nav(w.progress).click();
    await page.getByText(w.rscLine).first().waitFor();
    await check(page);

    await nav(w.applications).click();
    const ifs = await page.locator('option[value$="|alliance-iecmh-e|ifs"]').getAttribute("value");
    await page.getByLabel(w.category, { exact: true }).selectOption(ifs!);
    await page.getByRole("button", { name: w.start }).click();
    await check(page);
    await page.getByLabel(new RegExp(`^${w.attest}`)).check();
    await page.getByLabel(new RegExp(`^${w.ethics}`)).check();
    await page.getByRole("button", { name: w.submit }).click();
    await page.getByText(w.submitted).waitFor();
    await check(page);
    await context.close();
  });
});
