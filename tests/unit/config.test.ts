import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../src/config.ts";

describe("readConfig", () => {
  it("starts with no settings at all: port 3000, ./data, embedded database, dev mailbox", () => {
    expect(readConfig({})).toMatchObject({
      port: 3000,
      dataDir: "./data",
      databaseUrl: undefined,
      smtpUrl: undefined,
      baseUrl: "http://localhost:3000",
      isProduction: false,
    });
  });

  it("derives the base URL from the port, and trims a trailing slash from BASE_URL", () => {
    expect(readConfig({ PORT: "8080" }).baseUrl).toBe("http://localhost:8080");
    expect(readConfig({ BASE_URL: "https://cradle.example.org/" }).baseUrl).toBe("https://cradle.example.org");
  });

  it("treats empty variables as unset", () => {
    expect(readConfig({ DATABASE_URL: "", SMTP_URL: "" })).toMatchObject({ databaseUrl: undefined, smtpUrl: undefined });
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/x" }, "DATABASE_URL"],
    [{ DATABASE_URL: "localhost:5432" }, "DATABASE_URL"],
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ SMTP_URL: "mail.example.org" }, "SMTP_URL"],
    [{ BASE_URL: "not a url" }, "BASE_URL"],
    [{ SESSION_SECRET: "short" }, "SESSION_SECRET"],
    [{ TRUST_PROXY: "yes" }, "TRUST_PROXY"],
  ])("refuses %o and names %s", (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(new RegExp(`${name}: `));
  });

  it("accepts postgres:// and postgresql:// URLs", () => {
    expect(readConfig({ DATABASE_URL: "postgresql://u:p@db:5432/cradle" }).databaseUrl).toBe("postgresql://u:p@db:5432/cradle");
    expect(readConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" }).databaseUrl).toContain("127.0.0.1");
  });
});
