import type { Kysely } from "kysely";
import { runStatements } from "./run-statements.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // A date and time the association holds the endorsement exam, in its own time zone, online or at a place.
    `create table exam_sittings (
      id uuid primary key default gen_random_uuid(),
      association_id uuid not null references associations (id) on delete cascade,
      day text not null check (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      starts_at text not null check (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      time_zone text not null check (length(time_zone) between 1 and 64),
      mode text not null check (mode in ('online', 'in-person')),
      place text not null check (length(place) between 1 and 500),
      capacity integer not null check (capacity between 1 and 500),
      created_by_user_id uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    `create index exam_sittings_association on exam_sittings (association_id, day desc, id desc)`,
    // One person's seat at a sitting; a retake is a new registration. Raters know it only by its exam code.
    // Part 2 is typed-in text and/or a scan kept in the file store by its SHA-256, served to raters under the exam code only.
    `create table exam_registrations (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references applications (id) on delete cascade,
      sitting_id uuid not null references exam_sittings (id) on delete cascade,
      exam_code text not null unique check (exam_code ~ '^[A-Z0-9-]{6,20}$'),
      accommodation_request text check (length(accommodation_request) between 1 and 2000),
      accommodation_answer text check (length(accommodation_answer) between 1 and 2000),
      part1_correct integer check (part1_correct >= 0),
      part2_answers text check (length(part2_answers) between 1 and 100000),
      part2_file_sha256 text check (part2_file_sha256 ~ '^[0-9a-f]{64}$'),
      part2_file_media_type text check (length(part2_file_media_type) between 1 and 200),
      result text check (result in ('pass', 'not-yet')),
      decided_on text check (decided_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      created_at timestamptz not null default now(),
      unique (application_id, sitting_id)
    )`,
    `create index exam_registrations_sitting on exam_registrations (sitting_id, created_at)`,
    `create index exam_registrations_application on exam_registrations (application_id, created_at)`,
    // A rater's judgement of one registration's Part 2: two rounds, a third when they differ.
    `create table exam_ratings (
      id uuid primary key default gen_random_uuid(),
      registration_id uuid not null references exam_registrations (id) on delete cascade,
      rater_user_id uuid not null references users (id) on delete cascade,
      round text not null check (round in ('first', 'second', 'third')),
      assigned_by_user_id uuid references users (id) on delete set null,
      result text check (result in ('pass', 'not-yet')),
      comments text check (length(comments) between 1 and 5000),
      hours real check (hours > 0 and hours <= 24),
      submitted_at timestamptz,
      created_at timestamptz not null default now(),
      unique (registration_id, round),
      unique (registration_id, rater_user_id)
    )`,
    `create index exam_ratings_rater on exam_ratings (rater_user_id, created_at desc, id desc)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ["drop table exam_ratings", "drop table exam_registrations", "drop table exam_sittings"]);
}
