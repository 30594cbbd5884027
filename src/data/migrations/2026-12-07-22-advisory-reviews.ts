import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // An advisory review before submission: the applicant asks, staff name an advisor, who comments on the live portfolio.
    `create table advisory_reviews (
      id uuid primary key default gen_random_uuid(),
      association_id uuid not null references associations (id) on delete cascade,
      applicant_user_id uuid not null references users (id) on delete cascade,
      framework_id text not null,
      category_id text not null,
      question text not null default '' check (length(question) <= 2000),
      status text not null default 'requested' check (status in ('requested', 'assigned', 'completed')),
      advisor_user_id uuid references users (id) on delete set null,
      hours numeric(5, 2) check (hours > 0 and hours <= 40),
      requested_at timestamptz not null default now(),
      assigned_at timestamptz,
      completed_at timestamptz,
      check ((status = 'requested') = (advisor_user_id is null and assigned_at is null)),
      check ((status = 'completed') = (completed_at is not null and hours is not null))
    )`,
    // One open request per person and association: a second is refused, not queued.
    `create unique index advisory_reviews_one_open on advisory_reviews (applicant_user_id, association_id) where status <> 'completed'`,
    `create index advisory_reviews_association_order on advisory_reviews (association_id, requested_at desc, id desc)`,
    `create index advisory_reviews_advisor on advisory_reviews (advisor_user_id) where advisor_user_id is not null`,
    `create table advisory_comments (
      id uuid primary key default gen_random_uuid(),
      advisory_review_id uuid not null references advisory_reviews (id) on delete cascade,
      section text not null check (length(section) between 1 and 60),
      body text not null check (length(body) between 1 and 4000),
      created_at timestamptz not null default now(),
      done_at timestamptz
    )`,
    `create index advisory_comments_review on advisory_comments (advisory_review_id, created_at)`,
    // The application's exported trail also reads the entries about its parts, which name it in their details.
    `create index audit_log_application on audit_log ((details ->> 'applicationId'))`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop index audit_log_application", "drop table advisory_comments", "drop table advisory_reviews"]);
}
