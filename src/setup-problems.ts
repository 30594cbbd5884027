import { ConfigError } from "./config.ts";
import { DataDirLockedError } from "./data/data-dir-lock.ts";
import { DatabaseUnavailableError } from "./data/database.ts";
import { MigrationError } from "./data/migrate.ts";
import { FrameworkError } from "./frameworks/load-frameworks.ts";

/** A failure at start that the person running Cradle can fix: its message is written for them, no stack needed. */
export function isSetupProblem(error: unknown): error is Error {
  return (
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof DataDirLockedError ||
    error instanceof MigrationError ||
    error instanceof FrameworkError
  );
}
