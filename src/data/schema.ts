import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

/** Kysely's view of the tables; the migrations in ./migrations are the source of truth. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Locale = "en" | "es";
export type AssociationRole = "member" | "reviewer" | "staff" | "admin";
export type EmailTokenPurpose = "verify-email" | "reset-password";
export type OutboxStatus = "pending" | "sent" | "dead";

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  email_verified_at: Timestamp | null;
  locale: Locale | null;
  is_owner: Generated<boolean>;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface EmailTokensTable {
  id: Generated<string>;
  user_id: string;
  purpose: EmailTokenPurpose;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface AssociationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  locale: Locale;
  time_zone: string;
  contact_email: string;
  contact_phone: string | null;
  website: string | null;
  application_fee_cents: ColumnType<number | null, number | null | undefined, number | null>;
  candidate_fee_cents: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AssociationRolesTable {
  user_id: string;
  association_id: string;
  role: AssociationRole;
  created_at: CreatedAt;
}

export interface OutboxTable {
  id: Generated<string>;
  kind: string;
  user_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export interface RateLimitsTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface AuditLogTable {
  id: Generated<string>;
  actor_user_id: string | null;
  actor_kind: Generated<"person" | "link" | "visitor" | "system">;
  actor_ref: string | null;
  association_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: ColumnType<Record<string, unknown>, string, string>;
  created_at: CreatedAt;
}

export interface PortfoliosTable {
  user_id: string;
  document: ColumnType<unknown, string, string>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface FormDraftsTable {
  user_id: string;
  form_key: string;
  fields: ColumnType<Record<string, string | string[]>, string, string>;
  updated_at: Timestamp;
}

export interface AssociationFrameworksTable {
  association_id: string;
  framework_id: string;
  created_at: CreatedAt;
}

export type AccessLinkPurpose = "reference" | "verify-entry";

export interface AccessLinkTokensTable {
  token_hash: string;
  link_id: string;
}

export interface AccessLinksTable {
  id: Generated<string>;
  purpose: AccessLinkPurpose;
  user_id: string;
  entry_id: string;
  recipient_name: string;
  recipient_email: string;
  locale: Locale;
  framework_id: string | null;
  waived: Generated<boolean>;
  expires_at: Timestamp;
  completed_at: Timestamp | null;
  reminders_sent: Generated<number>;
  draft: ColumnType<Record<string, string> | null, string | null, string | null>;
  answers: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_at: CreatedAt;
}

export type { ApplicationStatus } from "../domain/application-lifecycle.ts";
import type { ApplicationStatus } from "../domain/application-lifecycle.ts";

export interface ApplicationsTable {
  id: Generated<string>;
  user_id: string;
  association_id: string;
  framework_id: string;
  category_id: string;
  status: ApplicationStatus;
  fee_cents: number | null;
  fee_paid_at: Timestamp | null;
  attested_at: Timestamp | null;
  submitted_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ApplicationSnapshotsTable {
  application_id: string;
  portfolio: ColumnType<unknown, string, never>;
  report: ColumnType<unknown, string, never>;
  sha256: string;
  created_at: CreatedAt;
}

export interface ApplicationReviewersTable {
  application_id: string;
  reviewer_user_id: string;
  assigned_by_user_id: string | null;
  assigned_at: CreatedAt;
}

export interface DocumentsTable {
  id: Generated<string>;
  user_id: string;
  sha256: string;
  type: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  created_at: CreatedAt;
}

export interface CandidaciesTable {
  id: Generated<string>;
  user_id: string;
  association_id: string;
  framework_id: string;
  category_id: string;
  enrolled_at: Timestamp;
  expires_at: Timestamp;
  fee_cents: number | null;
  advisor_user_id: string | null;
  reminders_sent: Generated<number>;
  created_at: CreatedAt;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  email_tokens: EmailTokensTable;
  associations: AssociationsTable;
  association_roles: AssociationRolesTable;
  outbox: OutboxTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  portfolios: PortfoliosTable;
  form_drafts: FormDraftsTable;
  association_frameworks: AssociationFrameworksTable;
  access_links: AccessLinksTable;
  access_link_tokens: AccessLinkTokensTable;
  applications: ApplicationsTable;
  application_snapshots: ApplicationSnapshotsTable;
  application_reviewers: ApplicationReviewersTable;
  documents: DocumentsTable;
  candidacies: CandidaciesTable;
}

export type User = Selectable<UsersTable>;
export type Association = Selectable<AssociationsTable>;
export type NewAssociation = Insertable<AssociationsTable>;
export type OutboxMessage = Selectable<OutboxTable>;
