import type { ColumnType } from "kysely";
import type { ApplicationStatus } from "../domain/application-lifecycle.ts";
import type { ExamResult, RatingRound } from "../domain/exam-result.ts";
import type { AuditableList, Determination } from "../domain/hour-audits.ts";
import type { LetterKind } from "../domain/letters.ts";
import type { ReminderKind } from "../domain/renewal-cycle.ts";
import type { CredentialStatus } from "../domain/staff-credential-actions.ts";
import type * as Generated from "./database-types.generated.ts";
import type { StoredReviewItem } from "../domain/review-checklist.ts";
import type { ReviewOutcome } from "../domain/review-outcomes.ts";

/**
 * Kysely's view of the tables. The columns come from database-types.generated.ts, which
 * `npm run db:types` writes from the migrations (the source of truth). Only what SQL cannot say
 * is narrowed here: text columns that hold one of a few values (the migrations' check
 * constraints), JSON columns with the shape the code writes, and creation times never updated.
 */
// A column named here that the table no longer has is an error, so a renamed column cannot lose its narrowing.
type Narrow<Row, Columns extends { [Column in keyof Columns]: Column extends keyof Row ? unknown : never }> = Omit<Row, keyof Columns> & Columns;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type JsonColumn<Shape> = ColumnType<Shape, string, string>;

export type { Locale } from "../i18n/locale.ts";
import type { Locale } from "../i18n/locale.ts";
export type AssociationRole = "member" | "reviewer" | "staff" | "admin";
export type EmailTokenPurpose = "verify-email" | "reset-password";
export type OutboxStatus = "pending" | "sent" | "dead";
export type AccessLinkPurpose = "reference" | "verify-entry" | "confirm-entries";
export type { ApplicationStatus } from "../domain/application-lifecycle.ts";
export type ActorKind = "person" | "link" | "visitor" | "system";

export type UsersTable = Narrow<Generated.Users, { locale: Locale | null; created_at: CreatedAt }>;
export type SessionsTable = Narrow<Generated.Sessions, { created_at: CreatedAt }>;
export type EmailTokensTable = Narrow<Generated.EmailTokens, { purpose: EmailTokenPurpose; created_at: CreatedAt }>;
export type AssociationsTable = Narrow<Generated.Associations, { locale: Locale; created_at: CreatedAt }>;
export type AssociationRolesTable = Narrow<Generated.AssociationRoles, { role: AssociationRole; created_at: CreatedAt }>;
export type OutboxTable = Narrow<Generated.Outbox, { status: Generated.Generated<OutboxStatus>; created_at: CreatedAt }>;
export type AuditLogTable = Narrow<Generated.AuditLog, { actor_kind: Generated.Generated<ActorKind>; details: JsonColumn<Record<string, unknown>>; created_at: CreatedAt }>;
export type PortfoliosTable = Narrow<Generated.Portfolios, { document: JsonColumn<unknown> }>;
export type FormDraftsTable = Narrow<Generated.FormDrafts, { fields: JsonColumn<Record<string, string | string[]>> }>;
export type AssociationFrameworksTable = Narrow<Generated.AssociationFrameworks, { created_at: CreatedAt }>;
export type AccessLinksTable = Narrow<
  Generated.AccessLinks,
  {
    purpose: AccessLinkPurpose;
    locale: Locale;
    draft: ColumnType<Record<string, string> | null, string | null, string | null>;
    answers: ColumnType<Record<string, unknown> | null, string | null, string | null>;
    created_at: CreatedAt;
  }
>;
export type ApplicationsTable = Narrow<Generated.Applications, { status: ApplicationStatus; created_at: CreatedAt }>;
// A snapshot is frozen at submission: nothing in it is ever updated.
export type ApplicationSnapshotsTable = Narrow<
  Generated.ApplicationSnapshots,
  { portfolio: ColumnType<unknown, string, never>; report: ColumnType<unknown, string, never>; created_at: CreatedAt }
>;
export type ApplicationReviewersTable = Narrow<Generated.ApplicationReviewers, { assigned_at: CreatedAt }>;
export type DocumentsTable = Narrow<Generated.Documents, { created_at: CreatedAt }>;
export type CandidaciesTable = Narrow<Generated.Candidacies, { created_at: CreatedAt }>;
export type ReviewerProfilesTable = Narrow<Generated.ReviewerProfiles, { unavailable: JsonColumn<Array<{ from: string; to: string }>> }>;
export type DeclaredConflictKind = "person" | "email" | "employer";
export type DeclaredConflictsTable = Narrow<Generated.DeclaredConflicts, { kind: DeclaredConflictKind; created_at: CreatedAt }>;
export type ReviewStatus = "draft" | "submitted";
export type ReviewsTable = Narrow<
  Generated.Reviews,
  {
    status: Generated.Generated<ReviewStatus>;
    items: ColumnType<StoredReviewItem[], string | undefined, string>;
    scores: ColumnType<Record<string, string>, string | undefined, string>;
    recommendation: ReviewOutcome | null;
    created_at: CreatedAt;
  }
>;
export type AdvisoryStatus = "requested" | "assigned" | "completed";
export type AdvisoryReviewsTable = Narrow<Generated.AdvisoryReviews, { status: Generated.Generated<AdvisoryStatus>; requested_at: CreatedAt }>;
export type AdvisoryCommentsTable = Narrow<Generated.AdvisoryComments, { created_at: CreatedAt }>;
export type ExamMode = "online" | "in-person";
export type ExamSittingsTable = Narrow<Generated.ExamSittings, { mode: ExamMode; created_at: CreatedAt }>;
export type ExamRegistrationsTable = Narrow<Generated.ExamRegistrations, { result: ExamResult | null; created_at: CreatedAt }>;
export type ExamRatingsTable = Narrow<Generated.ExamRatings, { round: RatingRound; result: ExamResult | null; created_at: CreatedAt }>;
export type LettersTable = Narrow<Generated.Letters, { kind: LetterKind; locale: Locale; created_at: CreatedAt }>;
export type LetterTextsTable = Narrow<Generated.LetterTexts, { kind: LetterKind; locale: Locale }>;
export type AssociationSigningKeysTable = Narrow<Generated.AssociationSigningKeys, { created_at: CreatedAt }>;
export type LogoMediaType = "image/png" | "image/jpeg";
/** PGlite reads bytea as a Uint8Array, node-postgres as a Buffer (a Uint8Array too). */
export type AssociationLogosTable = Narrow<Generated.AssociationLogos, { media_type: LogoMediaType; bytes: Uint8Array }>;

export type { CredentialStatus };
export type CredentialsTable = Narrow<
  Generated.Credentials,
  { status: Generated.Generated<CredentialStatus>; published: ColumnType<string[], string | undefined, string>; created_at: CreatedAt }
>;
export type CredentialStatusChangesTable = Narrow<
  Generated.CredentialStatusChanges,
  { from_status: CredentialStatus | null; to_status: CredentialStatus; changed_at: CreatedAt }
>;
export type CredentialRenewalRemindersTable = Narrow<Generated.CredentialRenewalReminders, { kind: ReminderKind; sent_at: CreatedAt }>;
export type StatusPurpose = "revocation" | "suspension";
export type CredentialStatusListsTable = Narrow<Generated.CredentialStatusLists, { purpose: StatusPurpose }>;

export type HourAuditsTable = Narrow<Generated.HourAudits, { selection: "sample" | "picked"; created_at: CreatedAt }>;
export type HourAuditEntriesTable = Narrow<
  Generated.HourAuditEntries,
  { list: AuditableList; entry: JsonColumn<Record<string, unknown>>; determination: Determination | null }
>;
export type HourAuditExtensionsTable = Narrow<Generated.HourAuditExtensions, { answer: "granted" | "denied" | null; asked_at: CreatedAt }>;
export type CredentialRenewalsTable = Narrow<
  Generated.CredentialRenewals,
  { status: Generated.Generated<"fee-due" | "fee-received">; report: JsonColumn<unknown>; created_at: CreatedAt }
>;
export type RenewalExceptionsTable = Narrow<Generated.RenewalExceptions, { granted_at: CreatedAt }>;
export type CredentialReinstatementsTable = Narrow<
  Generated.CredentialReinstatements,
  { status: Generated.Generated<"requested" | "approved">; created_at: CreatedAt }
>;

interface NarrowedTables {
  users: UsersTable;
  sessions: SessionsTable;
  email_tokens: EmailTokensTable;
  associations: AssociationsTable;
  association_roles: AssociationRolesTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  portfolios: PortfoliosTable;
  form_drafts: FormDraftsTable;
  association_frameworks: AssociationFrameworksTable;
  access_links: AccessLinksTable;
  applications: ApplicationsTable;
  application_snapshots: ApplicationSnapshotsTable;
  application_reviewers: ApplicationReviewersTable;
  documents: DocumentsTable;
  candidacies: CandidaciesTable;
  reviewer_profiles: ReviewerProfilesTable;
  declared_conflicts: DeclaredConflictsTable;
  reviews: ReviewsTable;
  advisory_reviews: AdvisoryReviewsTable;
  advisory_comments: AdvisoryCommentsTable;
  credentials: CredentialsTable;
  credential_status_changes: CredentialStatusChangesTable;
  credential_renewal_reminders: CredentialRenewalRemindersTable;
  credential_status_lists: CredentialStatusListsTable;
  credential_renewals: CredentialRenewalsTable;
  renewal_exceptions: RenewalExceptionsTable;
  credential_reinstatements: CredentialReinstatementsTable;
  exam_sittings: ExamSittingsTable;
  exam_registrations: ExamRegistrationsTable;
  exam_ratings: ExamRatingsTable;
  letters: LettersTable;
  letter_texts: LetterTextsTable;
  association_signing_keys: AssociationSigningKeysTable;
  association_logos: AssociationLogosTable;
  hour_audits: HourAuditsTable;
  hour_audit_entries: HourAuditEntriesTable;
  hour_audit_extensions: HourAuditExtensionsTable;
}

/** Every table the migrations create; one with nothing to narrow comes as generated. */
export interface Database extends Omit<Generated.DB, keyof NarrowedTables>, NarrowedTables {}

