import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

const kinds = "('endorse', 'approve-for-exam', 'defer', 'hold', 'emerging', 'exam-pass', 'exam-not-yet')";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // Every letter as it was sent: rendered once, in the applicant's language, never rewritten.
    `create table letters (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications (id) on delete cascade,
      kind text not null check (kind in ${kinds}),
      locale text not null check (locale in ('en', 'es')),
      subject text not null check (length(subject) <= 300),
      body text not null check (length(body) <= 100000),
      created_by_user_id uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create index letters_of_application on letters (application_id, created_at)`,
    // An association's own wording of a kind of letter in one language; without a row, Cradle's default.
    `create table letter_texts (
      association_id uuid not null references associations (id) on delete cascade,
      kind text not null check (kind in ${kinds}),
      locale text not null check (locale in ('en', 'es')),
      subject text not null check (length(subject) <= 300),
      body text not null check (length(body) between 1 and 10000),
      updated_at timestamptz not null default now(),
      primary key (association_id, kind, locale)
    )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table letter_texts", "drop table letters"]);
}
