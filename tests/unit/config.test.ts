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

  it.each([
    [{}, true],
    [{ BASE_URL: "http://127.0.0.1:3000" }, true],
    [{ BASE_URL: "http://[::1]:3000" }, true],
    [{ BASE_URL: "http://LOCALHOST:3000" }, true],
    [{ SMTP_URL: "smtp://mail.example.org:587" }, false],
    [{ NODE_ENV: "production" }, true],
    [{ NODE_ENV: "production", SMTP_URL: "smtp://mail.example.org:587" }, false],
    [{ BASE_URL: "https://cradle.example.org" }, false],
    [{ BASE_URL: "http://192.168.1.20:3000" }, false],
    [{ BASE_URL: "http://localhost.example.org" }, false],
  ])("opens the dev mailbox for %o: %s (only without SMTP and on this machine, whatever NODE_ENV says)", (env, isOpen) => {
    expect(readConfig(env).hasDevMailbox).toBe(isOpen);
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
    [{ S3_BUCKET: "cradle" }, "S3_ENDPOINT"],
    [{ S3_ENDPOINT: "https://s3.example.org", S3_BUCKET: "cradle", S3_ACCESS_KEY_ID: "key" }, "S3_SECRET_ACCESS_KEY"],
    [{ S3_ENDPOINT: "s3.example.org", S3_BUCKET: "cradle", S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret" }, "S3_ENDPOINT"],
  ])("refuses %o and names %s", (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(new RegExp(`${name}: `));
  });

  it("accepts postgres:// and postgresql:// URLs", () => {
    expect(readConfig({ DATABASE_URL: "postgresql://u:p@db:5432/cradle" }).databaseUrl).toBe("postgresql://u:p@db:5432/cradle");
    expect(readConfig({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" }).databaseUrl).toContain("127.0.0.1");
  });

  it("keeps documents on disk unless all four S3 settings are given", () => {
    expect(readConfig({}).s3).toBeUndefined();
    const s3 = readConfig({ S3_ENDPOINT: "https://s3.example.org", S3_BUCKET: "cradle", S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret" }).s3;
    expect(s3).toEqual({ endpoint: "https://s3.example.org", bucket: "cradle", region: "us-east-1", accessKeyId: "key", secretAccessKey: "secret" });
  });
});
