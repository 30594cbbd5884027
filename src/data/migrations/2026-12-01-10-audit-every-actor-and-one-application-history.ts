import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

// The statuses of src/domain/application-lifecycle.ts on this date, written out: a migration must not
// change when the code does. tests/integration/lifecycle-constraint.test.ts compares the two.
const statuses = ["draft", "submitted", "in-review", "approved-for-exam", "exam", "deferred", "on-hold", "emerging", "endorsed", "withdrawn"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Links, visitors and jobs act too: say which, so "who confirmed these hours, and when" has an answer.
    `alter table audit_log add column actor_kind text not null default 'person' check (actor_kind in ('person', 'link', 'visitor', 'system'))`,
    `alter table audit_log add column actor_ref text`,
    `update audit_log set actor_kind = 'system', actor_ref = 'before-2026-12' where actor_user_id is null`,
    // One history: the status changes move into the audit log, with their `to`.
    `insert into audit_log (actor_user_id, actor_kind, association_id, action, subject_type, subject_id, details, created_at)
       select e.actor_user_id, case when e.actor_user_id is null then 'system' else 'person' end, a.association_id,
              'application.status-changed', 'application', e.application_id::text, jsonb_build_object('to', e.status), e.created_at
       from application_events e join applications a on a.id = e.application_id`,
    `drop table application_events`,
    `alter table applications drop constraint applications_status_check`,
    `alter table applications add constraint applications_status_check check (status in (${statuses.map((status) => `'${status}'`).join(", ")}))`,
    `create index audit_log_actor on audit_log (actor_user_id, created_at)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    "drop index audit_log_actor",
    "alter table applications drop constraint applications_status_check",
    "update applications set status = 'in-review' where status not in ('draft', 'submitted', 'in-review', 'withdrawn')",
    "alter table applications add constraint applications_status_check check (status in ('draft', 'submitted', 'in-review', 'withdrawn'))",
    `create table application_events (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications (id) on delete cascade,
      status text not null,
      actor_user_id uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    "alter table audit_log drop column actor_ref",
    "alter table audit_log drop column actor_kind",
  ]);
}
