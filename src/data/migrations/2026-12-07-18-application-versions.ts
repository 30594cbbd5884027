import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // A resubmission freezes a new version of the file; every earlier version stays as it was.
    `alter table applications add column file_version integer not null default 1 check (file_version >= 1)`,
    `alter table application_snapshots add column version integer not null default 1 check (version >= 1)`,
    `alter table application_snapshots drop constraint application_snapshots_pkey`,
    `alter table application_snapshots add primary key (application_id, version)`,
    // The windows a decision opens: approval to sit the exam (one year), emerging (the framework's deadline).
    // Days as written (YYYY-MM-DD), like every other day Cradle keeps: no time zone to shift them.
    `alter table applications add column exam_approved_until text check (exam_approved_until ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')`,
    `alter table applications add column emerging_until text check (emerging_until ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    "delete from application_snapshots where version > 1",
    "alter table application_snapshots drop constraint application_snapshots_pkey",
    "alter table application_snapshots drop column version",
    "alter table application_snapshots add primary key (application_id)",
    "alter table applications drop column file_version",
    "alter table applications drop column exam_approved_until",
    "alter table applications drop column emerging_until",
  ]);
}
