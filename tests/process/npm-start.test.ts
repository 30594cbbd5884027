import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isBuildCurrent } from "../../src/cli/build-fingerprint.ts";
import { copyMigratedDataDir } from "../setup/migrated-data-dir.ts";
import { runServerExpectingFailure, startServerProcess } from "../setup/server-process.ts";

const start = "src/cli/start.ts";
const buildDir = path.resolve("build");
const serverBundle = path.join(buildDir, "server", "index.js");

/** When the build was last written: a start that built would change it. */
const builtAt = () => ({ bundle: statSync(serverBundle).mtimeMs, fingerprint: statSync(path.join(buildDir, "inputs.sha256")).mtimeMs });

describe("npm start (src/cli/start.ts)", () => {
  it("reports a bad setting at once, before any build, and exits with 1", async () => {
    // In a folder with no build at all, so a start that built before checking would show it.
    const elsewhere = mkdtempSync(path.join(tmpdir(), "cradle-unbuilt-"));
    const refused = await runServerExpectingFailure(
      { PORT: "eighty", DATA_DIR: path.join(elsewhere, "data") },
      { args: [path.resolve(start)], cwd: elsewhere },
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("Cradle cannot start: the environment has invalid settings.");
    expect(refused.output).toContain("PORT: ");
    expect(refused.output).not.toMatch(/building|vite/i);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("builds when there is no build, and does not serve when the build fails", async () => {
    // A folder with sources but no React Router to build them with: the build is tried, and fails.
    const elsewhere = mkdtempSync(path.join(tmpdir(), "cradle-unbuildable-"));
    const failed = await runServerExpectingFailure({ DATA_DIR: path.join(elsewhere, "data") }, { args: [path.resolve(start)], cwd: elsewhere });
    expect(failed.code).toBe(1);
    expect(failed.output).toContain("Building the web app");
    expect(failed.output).toContain("The build failed (its output is above); Cradle did not start.");
    expect(failed.output).not.toContain("Cradle is listening");
  });

  it("starts an unchanged tree without building, in production mode, with the dev mailbox on this machine", async () => {
    expect(isBuildCurrent(process.cwd(), buildDir), "the build is older than the sources: run `npm run build` before these tests").toBe(true);
    const before = builtAt();
    const server = await startServerProcess({ DATA_DIR: copyMigratedDataDir() }, { args: [start] });
    expect(server.output()).toContain("The build is up to date with the sources: not building.");
    expect(server.output()).not.toMatch(/vite v\d/);
    expect(server.output()).toContain('"mode":"production"');
    expect(builtAt()).toEqual(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // Production mode keeps the quick start's mailbox: /dev/mail exists (asks for a log-in) rather than being a 404.
    expect((await fetch(`${server.url}/dev/mail`, { redirect: "manual" })).status).toBe(401);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });
});
