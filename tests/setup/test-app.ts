import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { readConfig } from "../../src/config.ts";
import { type RunningCradle, startCradle } from "../../src/server/start-cradle.ts";
import { signIn } from "./builders.ts";
import { createTestDatabase } from "./test-database.ts";
import { HttpClient } from "./http-client.ts";
import { startSmtpInbox } from "./smtp-inbox.ts";

/** `client()` is a new anonymous browser; `clientAs(userId)` one already signed in as that person. */
export type TestApp = RunningCradle & { client(): Promise<HttpClient>; clientAs(userId: string): Promise<HttpClient> };

/** The real server (built app, real HTTP) on a random port, over a fresh test database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = readConfig({
    PORT: "0",
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "cradle-test-")),
    SESSION_SECRET: "test-secret-that-is-at-least-32-characters-long",
    LOG_LEVEL: "silent",
    ...env,
  });
  const cradle = await startCradle({ config, database, logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }) });
  const client = () => HttpClient.open(cradle.url);
  const clientAs = async (userId: string) => {
    const signedIn = await client();
    await signIn(cradle.services.db, signedIn, userId);
    return signedIn;
  };
  return { ...cradle, client, clientAs };
}

/** The test app sending its mail to a real SMTP server started for the test. */
export async function startTestAppWithMail(env: Record<string, string> = {}) {
  const inbox = await startSmtpInbox();
  const app = await startTestApp({ SMTP_URL: inbox.url, ...env });
  return {
    app,
    inbox,
    close: async () => {
      await app.close();
      await inbox.close();
    },
  };
}
