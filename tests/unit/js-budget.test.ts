import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type BrowserManifest, weighPages } from "../../src/cli/js-budget.ts";

const kilobyte = 1024;
// Random bytes do not compress: a file's gzip size is about its raw size.
const incompressible = (kilobytes: number) => randomBytes(kilobytes * kilobyte);

/** A build as React Router writes it: the browser manifest and the route handles in build/server/index.js, the scripts in build/client/assets. */
function fakeBuild(files: Record<string, Buffer>, manifest: BrowserManifest, handles: Record<string, unknown>): string {
  const folder = mkdtempSync(path.join(tmpdir(), "cradle-js-budget-"));
  mkdirSync(path.join(folder, "server"));
  mkdirSync(path.join(folder, "client/assets"), { recursive: true });
  for (const [url, bytes] of Object.entries(files)) writeFileSync(path.join(folder, "client", url), bytes);
  const routes = Object.fromEntries(Object.keys(manifest.routes).map((id) => [id, { module: { handle: handles[id] } }]));
  writeFileSync(path.join(folder, "server/index.js"), `export const assets = ${JSON.stringify(manifest)};\nexport const routes = ${JSON.stringify(routes)};\n`);
  return folder;
}

const route = (id: string, pathPart: string, module: string, imports: string[] = []) => ({
  id,
  parentId: "root",
  path: pathPart,
  module,
  imports,
  hasDefaultExport: true,
});

/** An app like ours: a 30 KB framework every page loads, and pages that add their own. */
function app(pages: Record<string, { path: string; kilobytes: number }>, handles: Record<string, unknown> = {}) {
  const files: Record<string, Buffer> = {
    "/assets/manifest-1.js": Buffer.from("window.__reactRouterManifest={}"),
    "/assets/entry.client-1.js": incompressible(30),
    "/assets/root-1.js": Buffer.from("export default 1"),
    "/assets/messages-en-1.js": incompressible(5),
    "/assets/messages-es-1.js": incompressible(6),
  };
  const manifest: BrowserManifest = {
    url: "/assets/manifest-1.js",
    entry: { module: "/assets/entry.client-1.js", imports: [] },
    routes: { root: { id: "root", path: "", module: "/assets/root-1.js", hasDefaultExport: true } },
  };
  for (const [id, page] of Object.entries(pages)) {
    files[`/assets/${id}-1.js`] = incompressible(page.kilobytes);
    manifest.routes[`routes/${id}`] = route(`routes/${id}`, page.path, `/assets/${id}-1.js`, ["/assets/entry.client-1.js"]);
  }
  return { files, manifest, handles };
}

function runCheck(folder: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["src/cli/check-js-budget.ts", folder], { env: { PATH: process.env.PATH ?? "" } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe("the JavaScript budget", () => {
  it("counts each script of a page once: manifest, entry, root, route and imports, and the biggest catalogue", () => {
    const { files, manifest } = app({ home: { path: "", kilobytes: 10 } });
    const [home] = weighPages({
      manifest,
      handles: {},
      signedIn: new Set(),
      catalogues: ["/assets/messages-en-1.js", "/assets/messages-es-1.js"],
      read: (url) => files[url]!,
    });
    expect(home?.files).toEqual(["/assets/manifest-1.js", "/assets/entry.client-1.js", "/assets/root-1.js", "/assets/home-1.js", "/assets/messages-es-1.js"]);
    expect(home?.raw).toBe(Object.values(files).reduce((sum, bytes) => sum + bytes.length, 0) - 5 * kilobyte);
    expect(home?.gzip).toBeGreaterThan(46 * kilobyte);
    expect(home?.gzip).toBeLessThan(48 * kilobyte);
  });

  it("a page whose route (or a parent) says hydrate: false loads nothing but the scripts its handle names", () => {
    const { files, manifest } = app({ home: { path: "", kilobytes: 10 } });
    const weigh = (handles: Record<string, unknown>) => weighPages({ manifest, handles, signedIn: new Set(), catalogues: [], read: (url) => files[url]! })[0];
    expect(weigh({ "routes/home": { hydrate: false } })).toMatchObject({ hydrates: false, files: [], raw: 0, gzip: 0 });
    expect(weigh({ root: { hydrate: false } })).toMatchObject({ hydrates: false, gzip: 0 });
    expect(weigh({ "routes/home": { hydrate: true } })).toMatchObject({ hydrates: true });
    const own = weigh({ "routes/home": { hydrate: false, scripts: ["/assets/home-1.js"] } });
    expect(own).toMatchObject({ hydrates: false, files: ["/assets/home-1.js"], raw: 10 * kilobyte });
    expect(own?.gzip).toBeGreaterThan(10 * kilobyte);
  });

  it("fails the build with a table when a public page is over 60 KB, and names the page", async () => {
    const { files, manifest } = app({ home: { path: "", kilobytes: 10 }, login: { path: "login", kilobytes: 35 } });
    const { code, stdout, stderr } = await runCheck(fakeBuild(files, manifest, {}));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^\/\s+public\s+yes\s+[\d.]+ KB\s+[\d.]+ KB\s+60\.0 KB\s+ok$/m);
    expect(stdout).toMatch(/^\/login\s+public\s+yes\s+[\d.]+ KB\s+[\d.]+ KB\s+60\.0 KB\s+OVER$/m);
    expect(stderr).toContain("JavaScript over budget on /login:");
  });

  it("passes when the same page sends no script, and holds a signed-in page to 150 KB", async () => {
    const { files, manifest } = app({ login: { path: "login", kilobytes: 35 }, portfolio: { path: "portfolio", kilobytes: 125 } });
    const underBudget = await runCheck(fakeBuild(files, manifest, { "routes/login": { hydrate: false } }));
    // Listed as signed in, but 30 + 125 + 6 KB is over 150.
    expect(underBudget.stdout).toMatch(/^\/portfolio\s+signed-in\s+yes\s+.*150\.0 KB\s+OVER$/m);
    expect(underBudget.stderr).toContain("JavaScript over budget on /portfolio:");
    expect(underBudget.code).toBe(1);
    const { files: smaller, manifest: smallerManifest } = app({ login: { path: "login", kilobytes: 35 }, portfolio: { path: "portfolio", kilobytes: 80 } });
    const passing = await runCheck(fakeBuild(smaller, smallerManifest, { "routes/login": { hydrate: false } }));
    expect(passing.stdout).toMatch(/^\/login\s+public\s+no\s+0\.0 KB\s+0\.0 KB/m);
    expect(passing.stdout).toMatch(/^\/portfolio\s+signed-in\s+yes\s+.*150\.0 KB\s+ok$/m);
    expect(passing.code).toBe(0);
  });
});
