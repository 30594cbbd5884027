import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // An audit of self-reported hours: staff draw a sample of one period's credential holders (those
    // whose credentials are due on `period_due`) or pick people; each is asked for evidence by `evidence_due`.
    `create table hour_audits (
      id uuid primary key default gen_random_uuid(),
      association_id uuid not null references associations (id) on delete cascade,
      period_due text not null check (period_due ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      selection text not null check (selection in ('sample', 'picked')),
      -- The share of the period's holders drawn (null when staff picked the people).
      sample_percent smallint check (sample_percent between 1 and 100),
      instructions text not null default '' check (char_length(instructions) <= 2000),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      check ((selection = 'sample') = (sample_percent is not null))
    )`,
    `create index hour_audits_of_association on hour_audits (association_id, created_at, id)`,
    // One audited person of an audit; their own evidence date, which a granted extension moves.
    `create table hour_audit_people (
      id uuid primary key default gen_random_uuid(),
      audit_id uuid not null references hour_audits (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      evidence_due text not null check (evidence_due ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      unique (audit_id, user_id)
    )`,
    `create index hour_audit_people_of_user on hour_audit_people (user_id)`,
    // The portfolio entries evidence is asked for, as they stood when asked, and staff's determination of
    // each. A disallowed entry's hours stop counting: the engine's input leaves it out (src/data/hour-audits.ts),
    // while the portfolio document, which the person's forms and imports write, never holds the determination.
    `create table hour_audit_entries (
      id uuid primary key default gen_random_uuid(),
      audited_id uuid not null references hour_audit_people (id) on delete cascade,
      entry_id text not null check (char_length(entry_id) <= 200),
      list text not null check (list in ('training', 'reflectiveSupervision', 'reading', 'video')),
      entry jsonb not null,
      determination text check (determination in ('accepted', 'disallowed')),
      reason text check (char_length(reason) <= 2000),
      determined_by uuid references users (id) on delete set null,
      determined_at timestamptz,
      unique (audited_id, entry_id),
      check (determination is distinct from 'disallowed' or char_length(reason) > 0)
    )`,
    `create index hour_audit_entries_disallowed on hour_audit_entries (audited_id) where determination = 'disallowed'`,
    // A person's request for more time, and staff's answer (a granted one moves their evidence date).
    `create table hour_audit_extensions (
      id uuid primary key default gen_random_uuid(),
      audited_id uuid not null references hour_audit_people (id) on delete cascade,
      until text not null check (until ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      reason text not null check (char_length(reason) between 1 and 2000),
      asked_at timestamptz not null default now(),
      answer text check (answer in ('granted', 'denied')),
      granted_until text check (granted_until ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      answered_by uuid references users (id) on delete set null,
      answered_at timestamptz,
      check ((answer = 'granted') = (granted_until is not null))
    )`,
    `create index hour_audit_extensions_of_audited on hour_audit_extensions (audited_id, asked_at, id)`,
    // At most one request waiting for an answer per audited person.
    `create unique index hour_audit_extensions_one_open on hour_audit_extensions (audited_id) where answer is null`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table hour_audit_extensions", "drop table hour_audit_entries", "drop table hour_audit_people", "drop table hour_audits"]);
}
