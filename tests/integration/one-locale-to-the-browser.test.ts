import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { en } from "../../src/i18n/messages-en.ts";
import { es } from "../../src/i18n/messages-es.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

// Distinctive texts of each catalogue: one the home page shows, one no public page shows.
const spanishOnly = [es["layout.skipToContent"], es["logIn.rateLimited"]];
const englishOnly = [en["layout.skipToContent"], en["logIn.rateLimited"]];

/** The page's HTML and every script it loads before any code runs: module preloads, the inline imports, and their static imports. */
async function pageAndScripts(path: string, language: string) {
  const response = await fetch(new URL(path, app.url), { headers: { "accept-language": language } });
  expect(response.status).toBe(200);
  const html = await response.text();
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
  return { html, scripts };
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

  it.each(["/", "/login"])("%s loads no script holding either catalogue, in English or in Spanish", async (path) => {
    for (const language of ["en-US,en;q=0.9", "es-MX,es;q=0.9"]) {
      const { scripts } = await pageAndScripts(path, language);
      expect(scripts.size).toBeGreaterThan(2);
      for (const [url, text] of scripts) {
        for (const phrase of [...spanishOnly, ...englishOnly]) expect(text.includes(phrase), `${phrase} in ${url}`).toBe(false);
      }
    }
  });

  it("renders an English page in English and a Spanish page in Spanish on the server, for browsers without JavaScript", async () => {
    const english = await pageAndScripts("/", "en-US,en;q=0.9");
    expect(english.html).toContain(`lang="en"`);
    expect(english.html).toContain(en["home.intro"]);
    expect(english.html).not.toContain(es["layout.skipToContent"]);
    const spanish = await pageAndScripts("/", "es-MX,es;q=0.9");
    expect(spanish.html).toContain(`lang="es"`);
    expect(spanish.html).toContain(es["layout.skipToContent"]);
    expect(spanish.html).toContain(es["home.intro"]);
    expect(spanish.html).not.toContain(en["layout.skipToContent"]);
  });
});
