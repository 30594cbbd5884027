import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Reviewers assigned by staff to a submitted application: the only reviewers who may read its file.
    `create table application_reviewers (
      application_id uuid not null references applications (id) on delete cascade,
      reviewer_user_id uuid not null references users (id) on delete cascade,
      assigned_by_user_id uuid references users (id) on delete set null,
      assigned_at timestamptz not null default now(),
      primary key (application_id, reviewer_user_id)
    )`,
    `create index application_reviewers_reviewer on application_reviewers (reviewer_user_id)`,
    // Assigning the first reviewer starts the review: the applicant can no longer withdraw.
    `alter table applications drop constraint applications_status_check`,
    `alter table applications add constraint applications_status_check check (status in ('draft', 'submitted', 'in-review', 'withdrawn'))`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    "drop table application_reviewers",
    "update applications set status = 'submitted' where status = 'in-review'",
    "alter table applications drop constraint applications_status_check",
    "alter table applications add constraint applications_status_check check (status in ('draft', 'submitted', 'withdrawn'))",
  ]);
}
