import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../src/config.ts";
import { loadCredentialKeySecret } from "../../src/server/credential-key-secret.ts";
import { isSetupProblem } from "../../src/setup-problems.ts";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "cradle-key-secret-"));
const postgres = { DATABASE_URL: "postgres://cradle@db.example.org:5432/cradle" };

describe("CREDENTIAL_KEY_SECRET", () => {
  it("is used when set, on either database", () => {
    const secret = "a-credential-key-secret-of-32-characters";
    for (const driver of ["pglite", "postgres"] as const)
      expect(loadCredentialKeySecret(readConfig({ CREDENTIAL_KEY_SECRET: secret, NODE_ENV: "production", ...postgres }), driver)).toBe(secret);
  });

  it("is refused when shorter than 32 characters", () => {
    expect(() => readConfig({ CREDENTIAL_KEY_SECRET: "short" })).toThrow(ConfigError);
  });

  it("is made once into the data folder for the embedded database, readable by its owner only, and the same after a restart", () => {
    const config = readConfig({ DATA_DIR: dataDir(), NODE_ENV: "production" });
    const first = loadCredentialKeySecret(config, "pglite");
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadCredentialKeySecret(config, "pglite")).toBe(first);
    expect(statSync(path.join(config.dataDir, "credential-key-secret")).mode & 0o777).toBe(0o600);
  });

  it("must be set on PostgreSQL in production, with a message the person running Cradle can act on", () => {
    const config = readConfig({ DATA_DIR: dataDir(), NODE_ENV: "production", ...postgres });
    let problem: unknown;
    try {
      loadCredentialKeySecret(config, "postgres");
    } catch (error) {
      problem = error;
    }
    expect(isSetupProblem(problem)).toBe(true);
    expect((problem as Error).message).toMatch(/CREDENTIAL_KEY_SECRET is not set/);
    expect(loadCredentialKeySecret(readConfig({ DATA_DIR: dataDir(), NODE_ENV: "development", ...postgres }), "postgres").length).toBeGreaterThanOrEqual(32);
  });
});
