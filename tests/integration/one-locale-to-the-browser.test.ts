import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { en } from "../../src/i18n/messages-en.ts";
import { es } from "../../src/i18n/messages-es.ts";
import { buildAssociation, buildUser } from "../setup/builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

const association = await buildAssociation(app.services.db);
const people = { en: await buildUser(app.services.db, { locale: "en" }), es: await buildUser(app.services.db, { locale: "es" }) };

// Distinctive texts of each catalogue: one every page shows, one no page shows.
const spanishOnly = [es["layout.skipToContent"], es["logIn.rateLimited"]];
const englishOnly = [en["layout.skipToContent"], en["logIn.rateLimited"]];

/** Every script the HTML loads before any code runs: module preloads, the inline imports, and their static imports. */
async function scriptsOf(html: string) {
  const found = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g), ...html.matchAll(/import\(?\s*"([^"]+\.js)"/g)];
  const queue = found.map((match) => new URL(match[1] ?? "", app.url).href);
  const scripts = new Map<string, string>();
  while (queue.length > 0) {
    const url = queue.shift() ?? "";
    if (scripts.has(url)) continue;
    const script = await fetch(url);
    expect(script.status, url).toBe(200);
    const text = await script.text();
    scripts.set(url, text);
    // Static imports only: a dynamic import() is loaded when code asks for it (the e2e test watches which).
    for (const match of text.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) queue.push(new URL(match[1] ?? "", url).href);
  }
  return scripts;
}

async function anonymousPage(path: string, language: string) {
  const response = await fetch(new URL(path, app.url), { headers: { "accept-language": language } });
  return { status: response.status, html: await response.text() };
}

const assets = "build/client/assets";
const holding = (phrase: string) => readdirSync(assets).filter((file) => file.endsWith(".js") && readFileSync(`${assets}/${file}`, "utf8").includes(phrase));

describe("only the active language goes to the browser", () => {
  it("builds each catalogue into a chunk of its own, the one file holding its texts", () => {
    const [spanish, ...otherSpanish] = holding(es["logIn.rateLimited"]);
    const [english, ...otherEnglish] = holding(en["logIn.rateLimited"]);
    expect(spanish).toMatch(/^messages-es-/);
    expect(english).toMatch(/^messages-en-/);
    expect([otherSpanish, otherEnglish]).toEqual([[], []]);
    expect(holding(es["layout.skipToContent"])).toEqual([spanish]);
    expect(holding(en["layout.skipToContent"])).toEqual([english]);
  });

  it.each(["/portfolio", "/progress"])("%s loads no script holding either catalogue, in English or in Spanish", async (path) => {
    for (const person of [people.en, people.es]) {
      const page = await (await app.clientAs(person.id)).get(path);
      expect(page.status).toBe(200);
      const scripts = await scriptsOf(page.text);
      expect(scripts.size).toBeGreaterThan(2);
      for (const [url, text] of scripts) {
        for (const phrase of [...spanishOnly, ...englishOnly]) expect(text.includes(phrase), `${phrase} in ${url}`).toBe(false);
      }
    }
  });

  it("renders an English page in English and a Spanish page in Spanish on the server, for browsers without JavaScript", async () => {
    const english = await anonymousPage("/", "en-US,en;q=0.9");
    expect(english.html).toContain(`lang="en"`);
    expect(english.html).toContain(en["home.intro"]);
    expect(english.html).not.toContain(es["layout.skipToContent"]);
    const spanish = await anonymousPage("/", "es-MX,es;q=0.9");
    expect(spanish.html).toContain(`lang="es"`);
    expect(spanish.html).toContain(es["layout.skipToContent"]);
    expect(spanish.html).toContain(es["home.intro"]);
    expect(spanish.html).not.toContain(en["layout.skipToContent"]);
  });
});

describe("pages anyone may open are sent with no script (decision 022)", () => {
  const publicPages = ["/", `/a/${association.slug}`, "/login", "/signup", "/forgot-password", "/reset-password?token=nothing", "/no-such-page"];

  it.each(publicPages)("%s, in English and in Spanish, has no script tag and preloads none", async (path) => {
    for (const language of ["en-US,en;q=0.9", "es-MX,es;q=0.9"]) {
      const { status, html } = await anonymousPage(path, language);
      expect(status, path).toBeLessThan(500);
      expect(html).toContain("<main");
      expect(html).not.toContain("<script");
      expect(html).not.toContain("modulepreload");
    }
  });

  it("the home page and an association's page send none to a person signed in either, while their own pages hydrate", async () => {
    const client = await app.clientAs(people.en.id);
    for (const path of ["/", `/a/${association.slug}`]) {
      const page = await client.get(path);
      expect(page.text).toContain(en["nav.logOut"]);
      expect(page.text).not.toContain("<script");
    }
    expect((await client.get("/portfolio")).text).toContain("<script");
  });
});
