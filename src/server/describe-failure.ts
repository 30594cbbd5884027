import { isDatabaseUnreachable } from "../data/database-errors.ts";

/** The log line for a failed request: say plainly when the cause is the database being unreachable. */
export function describeFailure(error: unknown): string {
  return isDatabaseUnreachable(error) ? "database unreachable: check DATABASE_URL and the database server" : "request failed";
}
