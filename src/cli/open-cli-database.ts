import { readConfig } from "../config.ts";
import { type DatabaseHandle, openDatabase } from "../data/database.ts";
import { migrateToLatest } from "../data/migrate.ts";
import { isSetupProblem } from "../setup-problems.ts";
import type { CommandContext } from "../commands/command-context.ts";
import { loadFrameworks } from "../frameworks/load-frameworks.ts";

/** Opens and migrates the configured database for a CLI command; prints known problems plainly and exits. */
export async function withCliDatabase(run: (context: CommandContext, handle: DatabaseHandle) => Promise<void>): Promise<void> {
  let handle: DatabaseHandle | undefined;
  try {
    const config = readConfig(process.env);
    handle = await openDatabase(config);
    await migrateToLatest(handle.db);
    await run({ db: handle.db, now: () => new Date(), baseUrl: config.baseUrl, frameworks: loadFrameworks() }, handle);
  } catch (error) {
    if (isSetupProblem(error) || error instanceof CliUsageError) {
      console.error(error.message);
      process.exitCode = error instanceof CliUsageError ? 2 : 1;
      return;
    }
    throw error;
  } finally {
    await handle?.close();
  }
}

export class CliUsageError extends Error {
  override name = "CliUsageError";
}
