import { afterAll, describe, expect, it } from "vitest";
import { en } from "../../src/i18n/messages-en.ts";
import { es } from "../../src/i18n/messages-es.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

// Distinctive texts of each catalogue; none is in the English layout fallback the bundle keeps.
const spanishOnly = [es["layout.skipToContent"], es["home.intro"], es["logIn.rateLimited"]];
const englishOnly = [en["home.intro"], en["logIn.rateLimited"]];

/** The page's HTML and every script it loads: module preloads, the inline imports, and what those import. */
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
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+\.js)"/g)) queue.push(new URL(match[1] ?? "", url).href);
  }
  return { html, scripts };
}

describe("only the active language goes to the browser", () => {
  it.each(["/", "/login"])("an English page %s loads no script holding either catalogue, and no Spanish in its HTML", async (path) => {
    const { html, scripts } = await pageAndScripts(path, "en-US,en;q=0.9");
    expect(html).toContain(`lang="en"`);
    expect(scripts.size).toBeGreaterThan(2);
    for (const [url, text] of scripts) {
      for (const phrase of [...spanishOnly, ...englishOnly]) expect(text.includes(phrase), `${phrase} in ${url}`).toBe(false);
    }
    for (const phrase of spanishOnly) expect(html.includes(phrase), phrase).toBe(false);
  });

  it.each(["/", "/login"])("a Spanish page %s brings the Spanish catalogue in the page, not in its scripts", async (path) => {
    const { html, scripts } = await pageAndScripts(path, "es-MX,es;q=0.9");
    expect(html).toContain(`lang="es"`);
    // Rendered, and in the root's data for the browser's translator (JSON-escaped there).
    expect(html).toContain(es["layout.skipToContent"]);
    for (const phrase of spanishOnly) expect(html.includes(JSON.stringify(phrase).slice(1, -1)) || html.includes(phrase), phrase).toBe(true);
    for (const phrase of englishOnly) expect(html.includes(phrase), phrase).toBe(false);
    for (const [url, text] of scripts) {
      for (const phrase of spanishOnly) expect(text.includes(phrase), `${phrase} in ${url}`).toBe(false);
    }
  });
});
