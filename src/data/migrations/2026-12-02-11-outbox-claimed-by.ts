import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Which mail worker (one id per process start) holds a message's lease, so a restarted server can take back what a dead one claimed.
    `alter table outbox add column claimed_by text`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["alter table outbox drop column claimed_by"]);
}
