import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/data/database.ts";
import { buildUser } from "../setup/builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

describe("security headers", () => {
  it("sends a CSP that lets run only the page's own inline scripts, by their hashes", async () => {
    // A page that hydrates (pages anyone may open have no script: decision 022).
    const response = await (await app.clientAs((await buildUser(app.services.db)).id)).get("/account");
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("nonce-");
    const allowed = [...csp.matchAll(/'(sha256-[^']+)'/g)].map((match) => match[1]);
    const html = response.text;
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(inline.length).toBeGreaterThan(0);
    // Computed here independently: each inline script's SHA-256 is listed, and nothing else is.
    const hashes = inline.map((text) => `sha256-${createHash("sha256").update(text).digest("base64")}`);
    expect(new Set(allowed)).toEqual(new Set(hashes));
    expect(html).not.toMatch(/ style="/);
    expect(html).not.toContain("nonce=");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("sends the same page and policy to every visitor of a public page, and no cookie", async () => {
    const [first, second] = await Promise.all([fetch(app.url), fetch(app.url)]);
    expect(first.headers.get("content-security-policy")).toBe(second.headers.get("content-security-policy"));
    expect(await first.text()).toBe(await second.text());
    expect(first.headers.getSetCookie()).toEqual([]);
  });
});

describe("pages and files", () => {
  it("serves hashed assets with a long cache and refuses paths outside the build", async () => {
    const asset = readdirSync("build/client/assets").find((file) => file.endsWith(".css"))!;
    const response = await fetch(`${app.url}/assets/${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await fetch(`${app.url}/assets/..%2F..%2Fpackage.json`)).status).toBe(404);
  });

  it("has an accessible shell: language, skip link, landmarks", async () => {
    const html = await (await fetch(app.url)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<a class="skip-link" href="#main">Skip to main content</a>');
    expect(html).toContain('<main id="main" tabindex="-1">');
    expect(html).toContain('<nav aria-label="Main">');
    expect(html).toContain("<footer");
  });

  it("answers an unknown page with a 404 page in the visitor's language", async () => {
    const response = await fetch(`${app.url}/nowhere`, { headers: { "accept-language": "es" } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("No encontramos esta página.");
  });
});

describe("when the database cannot be reached", () => {
  it("says so on /healthz and on pages, and recovers when it is back", async () => {
    const user = await buildUser(app.services.db);
    const client = await app.clientAs(user.id);
    expect(await (await fetch(`${app.url}/healthz`)).json()).toMatchObject({ status: "ok" });

    const healthy = app.services.db;
    const unreachable: Db = new Kysely({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: "postgres://x@127.0.0.1:1/x", connectionTimeoutMillis: 1000 }) }),
    });
    app.services.db = unreachable;
    try {
      const health = await fetch(`${app.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: "unavailable" });
      const page = await client.get("/account");
      expect(page.status).toBe(503);
      expect(page.text).toContain("Cradle cannot reach its database right now. Your saved work is safe");
    } finally {
      app.services.db = healthy;
      await unreachable.destroy();
    }
    expect((await client.get("/account")).status).toBe(200);
  });
});
