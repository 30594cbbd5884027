import { mkdtempSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyMigratedDataDir } from "../setup/migrated-data-dir.ts";
import { runServerExpectingFailure, startServerProcess } from "../setup/server-process.ts";

const freshDataDir = () => mkdtempSync(path.join(tmpdir(), "cradle-process-"));

describe("starting and stopping the server", () => {
  it("creates and migrates the embedded database on first start, answers, and stops cleanly on SIGTERM", async () => {
    const server = await startServerProcess({ DATA_DIR: freshDataDir() });
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok", database: "pglite" });
    expect(server.output()).toContain("database migrated");
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("Cradle stopped");
  });

  it("refuses a second process on the same data folder, naming the one that holds it", async () => {
    const dataDir = copyMigratedDataDir();
    const first = await startServerProcess({ DATA_DIR: dataDir });
    expect(first.output(), "started from the migrated template").not.toContain("database migrated");
    const second = await runServerExpectingFailure({ DATA_DIR: dataDir });
    expect(second.code).toBe(1);
    expect(second.output).toContain(`Another Cradle process (pid ${first.child.pid} on ${hostname()}, since `);
    expect(second.output).toContain(`) is using the data folder ${dataDir}`);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  });

  it("takes over the lock of a process that was killed", async () => {
    const dataDir = copyMigratedDataDir();
    const first = await startServerProcess({ DATA_DIR: dataDir });
    first.child.kill("SIGKILL");
    await first.exited;
    const second = await startServerProcess({ DATA_DIR: dataDir });
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
  });

  it("says plainly when DATABASE_URL is malformed or the server cannot be reached", async () => {
    const malformed = await runServerExpectingFailure({ DATA_DIR: freshDataDir(), DATABASE_URL: "localhost:5432/cradle" });
    expect(malformed.code).toBe(1);
    expect(malformed.output).toContain("DATABASE_URL: must look like postgres://user:password@host:5432/database");

    const unreachable = await runServerExpectingFailure({ DATA_DIR: freshDataDir(), DATABASE_URL: "postgres://cradle:secret@127.0.0.1:1/cradle" });
    expect(unreachable.code).toBe(1);
    expect(unreachable.output).toContain("Cradle cannot reach PostgreSQL at 127.0.0.1:1/cradle");
    expect(unreachable.output).not.toContain("secret");
  });

  it("says plainly, before touching PostgreSQL, that CREDENTIAL_KEY_SECRET must be set there", async () => {
    const unset = await runServerExpectingFailure({
      DATA_DIR: freshDataDir(),
      DATABASE_URL: "postgres://cradle@127.0.0.1:1/cradle",
      CREDENTIAL_KEY_SECRET: "",
    });
    expect(unset.code).toBe(1);
    expect(unset.output).toContain("CREDENTIAL_KEY_SECRET is not set");
    expect(unset.output).not.toContain("cannot reach PostgreSQL");
  });
});
