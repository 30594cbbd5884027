import { readdirSync, statSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { buildAssociation, buildUser } from "../setup/builders.ts";
import { rawGet } from "../setup/raw-answer.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

const association = await buildAssociation(app.services.db, { name: "Answers Association" });
const script = readdirSync("build/client/assets")
  .filter((file) => file.endsWith(".js"))
  .sort((a, b) => statSync(`build/client/assets/${b}`).size - statSync(`build/client/assets/${a}`).size)[0]!;
// A browser that holds its CSRF cookie gets the same log-in page each time.
const browser = await app.client();
const withCookie = (headers: Record<string, string>) => ({ cookie: browser.cookieHeader(), ...headers });

describe("compression", () => {
  it.each([
    ["br", "br"],
    ["gzip", "gzip"],
    ["gzip, deflate, br", "br"],
    ["br;q=0, gzip", "gzip"],
    ["identity", undefined],
    ["", undefined],
  ])("answers Accept-Encoding %j with %s, the same page once decoded", async (acceptEncoding, expected) => {
    const plain = await rawGet(app.url, "/login", withCookie({ "accept-encoding": "identity" }));
    const answer = await rawGet(app.url, "/login", withCookie({ "accept-encoding": acceptEncoding }));
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe(expected);
    expect(answer.headers.vary).toContain("Accept-Encoding");
    expect(Number(answer.headers["content-length"])).toBe(answer.bytes.length);
    if (expected) expect(answer.bytes.length).toBeLessThan(plain.bytes.length / 2);
    expect(answer.text).toBe(plain.text);
  });

  it("compresses React Router's data answers and the build's scripts, but not a body under a kilobyte", async () => {
    const data = await rawGet(app.url, `/a/${association.slug}.data`, { "accept-encoding": "gzip" });
    expect(data.status).toBe(200);
    expect(data.text).toContain("Answers Association");
    const asset = await rawGet(app.url, `/assets/${script}`, { "accept-encoding": "br" });
    expect(asset.headers["content-encoding"]).toBe("br");
    expect(asset.headers.vary).toContain("Accept-Encoding");

    const small = await rawGet(app.url, "/healthz", { "accept-encoding": "br, gzip" });
    expect(small.bytes.length).toBeLessThan(1024);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  it("answers a missing file with a plain 404 that sets no cookie, not with a page", async () => {
    const missing = await rawGet(app.url, "/favicon.ico", { "accept-language": "es" });
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(missing.headers["set-cookie"]).toBeUndefined();
    expect(missing.text).toContain("No encontramos esta página.");
  });

  it("writes a page in one piece: a Content-Length, never chunked", async () => {
    const answer = await rawGet(app.url, "/", { "accept-encoding": "identity" });
    expect(answer.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(answer.headers["content-length"])).toBe(answer.bytes.length);
  });
});

describe("ETag and 304", () => {
  it.each([
    ["a page with a form", "/login"],
    ["a public page", "/"],
    ["a public page's data", `/a/${association.slug}.data`],
    ["the home page's data", "/_.data"],
    ["a build file", `/assets/${script}`],
  ])("answers %s again with 304 and no body while it is unchanged", async (_kind, path) => {
    const first = await rawGet(app.url, path, withCookie({ "accept-encoding": "br" }));
    const entityTag = first.headers.etag as string;
    expect(entityTag).toMatch(/^W\/".+"$/);
    const again = await rawGet(app.url, path, withCookie({ "if-none-match": entityTag, "accept-encoding": "br" }));
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect(again.headers.etag).toBe(entityTag);
    const stale = await rawGet(app.url, path, withCookie({ "if-none-match": 'W/"something-else"' }));
    expect(stale.status).toBe(200);
  });

  it("gives a changed page another tag", async () => {
    const person = await buildUser(app.services.db, { name: "Tagged Person" });
    const client = await app.clientAs(person.id);
    const before = await rawGet(app.url, "/account", { cookie: client.cookieHeader() });
    await app.services.db.updateTable("users").set({ name: "Renamed Person" }).where("id", "=", person.id).execute();
    const after = await rawGet(app.url, "/account", { cookie: client.cookieHeader(), "if-none-match": before.headers.etag as string });
    expect(after.status).toBe(200);
    expect(after.text).toContain("Renamed Person");
  });
});

describe("Cache-Control", () => {
  it("keeps a signed-in person's pages out of every cache, and has every other page checked again", async () => {
    const person = await buildUser(app.services.db);
    const client = await app.clientAs(person.id);
    expect((await rawGet(app.url, "/", { cookie: client.cookieHeader() })).headers["cache-control"]).toBe("private, no-store");
    expect((await rawGet(app.url, `/a/${association.slug}`, { cookie: client.cookieHeader() })).headers["cache-control"]).toBe("private, no-store");

    const publicPage = await rawGet(app.url, "/");
    expect(publicPage.headers["cache-control"]).toBe("no-cache");
    expect(publicPage.headers["set-cookie"]).toBeUndefined();
    const formPage = await rawGet(app.url, "/login");
    expect(formPage.headers["cache-control"]).toBe("private, no-cache");
    expect(String(formPage.headers["set-cookie"])).toContain("cradle_csrf=");
    expect((await rawGet(app.url, `/assets/${script}`)).headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });
});
