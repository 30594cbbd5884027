import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { launchChromium } from "./browser.ts";
import { copyMigratedDataDir } from "./migrated-data-dir.ts";
import { killServerProcess, startServerProcess } from "./server-process.ts";
import { startSmtpInbox } from "./smtp-inbox.ts";

/**
 * What a browser journey runs against: a copy of the migrated template folder prepared by CLI
 * scripts (such as `["src/cli/seed-demo.ts"]`) before the server starts, as a new installation
 * would be, then the real server process and Chromium. The scripts get a clean environment:
 * vitest sets BASE_URL="/" for Vite, which is not ours.
 */
export async function startJourney(scripts: string[][] = [], serverEnv: Record<string, string> = {}) {
  const dataDir = copyMigratedDataDir("cradle-e2e-");
  for (const args of scripts) await promisify(execFile)(process.execPath, args, { env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir } });
  const server = await startServerProcess({ DATA_DIR: dataDir, ...serverEnv });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await killServerProcess(server);
    throw error;
  });
  return {
    dataDir,
    server,
    browser,
    close: async () => {
      try {
        await browser.close();
      } finally {
        server.child.kill("SIGTERM");
        await server.exited;
      }
    },
  };
}

/** The same, with the server's mail going to a real SMTP inbox the test reads. */
export async function startJourneyWithMail(scripts: string[][] = []) {
  const inbox = await startSmtpInbox();
  const journey = await startJourney(scripts, { SMTP_URL: inbox.url }).catch(async (error: unknown) => {
    await inbox.close();
    throw error;
  });
  return {
    ...journey,
    inbox,
    close: async () => {
      try {
        await journey.close();
      } finally {
        await inbox.close();
      }
    },
  };
}
