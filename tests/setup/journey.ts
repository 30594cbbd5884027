import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { launchChromium } from "./browser.ts";
import { startServerProcess } from "./server-process.ts";
import { startSmtpInbox } from "./smtp-inbox.ts";

/**
 * What a browser journey runs against: a new data folder prepared by CLI scripts (such as
 * `["src/cli/seed-demo.ts"]`) before the server starts, as a new installation would be, then the
 * real server process and Chromium. The scripts get a clean environment: vitest sets BASE_URL="/"
 * for Vite, which is not ours.
 */
export async function startJourney(scripts: string[][] = [], serverEnv: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cradle-e2e-"));
  for (const args of scripts) await promisify(execFile)(process.execPath, args, { env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir } });
  const server = await startServerProcess({ DATA_DIR: dataDir, ...serverEnv });
  const browser = await launchChromium();
  return {
    dataDir,
    server,
    browser,
    close: async () => {
      await browser.close();
      server.child.kill("SIGTERM");
      await server.exited;
    },
  };
}

/** The same, with the server's mail going to a real SMTP inbox the test reads. */
export async function startJourneyWithMail(scripts: string[][] = []) {
  const inbox = await startSmtpInbox();
  const journey = await startJourney(scripts, { SMTP_URL: inbox.url });
  return {
    ...journey,
    inbox,
    close: async () => {
      await journey.close();
      await inbox.close();
    },
  };
}
