import type { Migration } from "kysely/migration";
import * as createAccounts from "./2026-11-23-01-create-accounts.ts";
import * as createAssociationsAndRoles from "./2026-11-23-02-create-associations-and-roles.ts";
import * as createOutbox from "./2026-11-23-03-create-outbox.ts";
import * as createPortfolios from "./2026-11-23-04-create-portfolios.ts";
import * as createAccessLinks from "./2026-11-23-05-create-access-links.ts";
import * as createApplications from "./2026-11-23-06-create-applications.ts";
import * as createDocuments from "./2026-11-23-07-create-documents.ts";
import * as createCandidacies from "./2026-11-23-08-create-candidacies.ts";
import * as createApplicationReviewers from "./2026-11-23-09-create-application-reviewers.ts";
import * as auditEveryActor from "./2026-12-01-10-audit-every-actor-and-one-application-history.ts";
import * as outboxClaimedBy from "./2026-12-02-11-outbox-claimed-by.ts";
import * as accessLinkCategory from "./2026-12-03-12-access-link-category.ts";
import * as createCategoryTargets from "./2026-12-07-13-create-category-targets.ts";
import * as confirmEntriesLinks from "./2026-12-07-14-confirm-entries-links.ts";
import * as listOrderIndexes from "./2026-12-07-15-list-order-indexes.ts";
import * as createReviewerProfiles from "./2026-12-07-16-create-reviewer-profiles.ts";
import * as createDeclaredConflicts from "./2026-12-07-17-create-declared-conflicts.ts";
import * as applicationVersions from "./2026-12-07-18-application-versions.ts";
import * as createReviews from "./2026-12-07-19-create-reviews.ts";
import * as decisionsAndLetters from "./2026-12-07-20-decisions-and-letters.ts";
import * as advisoryReviews from "./2026-12-07-22-advisory-reviews.ts";
import * as createCredentials from "./2026-12-07-23-create-credentials.ts";
import * as createExams from "./2026-12-07-21-create-exams.ts";
import * as associationSigningKeys from "./2026-12-07-24-association-signing-keys.ts";
import * as credentialStatusChanges from "./2026-12-07-26-credential-status-changes.ts";
import * as credentialStatusLists from "./2026-12-07-28-credential-status-lists.ts";
import * as renewalCycles from "./2026-12-07-25-renewal-cycles.ts";
import * as credentialRenewalReminders from "./2026-12-07-29-credential-renewal-reminders.ts";
import * as associationCertificateSettings from "./2026-12-07-27-association-certificate-settings.ts";
import * as hourAudits from "./2026-12-07-31-hour-audits.ts";
import * as hourAuditHoursAllowed from "./2026-12-07-32-hour-audit-hours-allowed.ts";
import * as credentialRegistry from "./2026-12-07-33-credential-registry.ts";
import * as credentialRenewals from "./2026-12-07-30-credential-renewals.ts";

/** Every migration in order; names sort by date so Kysely applies them in sequence. */
export const migrations: Record<string, Migration> = {
  "2026-11-23-01-create-accounts": createAccounts,
  "2026-11-23-02-create-associations-and-roles": createAssociationsAndRoles,
  "2026-11-23-03-create-outbox": createOutbox,
  "2026-11-23-04-create-portfolios": createPortfolios,
  "2026-11-23-05-create-access-links": createAccessLinks,
  "2026-11-23-06-create-applications": createApplications,
  "2026-11-23-07-create-documents": createDocuments,
  "2026-11-23-08-create-candidacies": createCandidacies,
  "2026-11-23-09-create-application-reviewers": createApplicationReviewers,
  "2026-12-01-10-audit-every-actor-and-one-application-history": auditEveryActor,
  "2026-12-02-11-outbox-claimed-by": outboxClaimedBy,
  "2026-12-03-12-access-link-category": accessLinkCategory,
  "2026-12-07-13-create-category-targets": createCategoryTargets,
  "2026-12-07-14-confirm-entries-links": confirmEntriesLinks,
  "2026-12-07-15-list-order-indexes": listOrderIndexes,
  "2026-12-07-16-create-reviewer-profiles": createReviewerProfiles,
  "2026-12-07-17-create-declared-conflicts": createDeclaredConflicts,
  "2026-12-07-18-application-versions": applicationVersions,
  "2026-12-07-19-create-reviews": createReviews,
  "2026-12-07-20-decisions-and-letters": decisionsAndLetters,
  "2026-12-07-22-advisory-reviews": advisoryReviews,
  "2026-12-07-23-create-credentials": createCredentials,
  "2026-12-07-21-create-exams": createExams,
  "2026-12-07-24-association-signing-keys": associationSigningKeys,
  "2026-12-07-25-renewal-cycles": renewalCycles,
  "2026-12-07-26-credential-status-changes": credentialStatusChanges,
  "2026-12-07-27-association-certificate-settings": associationCertificateSettings,
  "2026-12-07-28-credential-status-lists": credentialStatusLists,
  "2026-12-07-29-credential-renewal-reminders": credentialRenewalReminders,
  "2026-12-07-30-credential-renewals": credentialRenewals,
  "2026-12-07-31-hour-audits": hourAudits,
  "2026-12-07-32-hour-audit-hours-allowed": hourAuditHoursAllowed,
  "2026-12-07-33-credential-registry": credentialRegistry,
};
