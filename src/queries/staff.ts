import {
  findSnapshot,
  findSubmittedApplication,
  isAssignedReviewer,
  countApplicationsOfAssociationByStatus,
  listApplicationsAssignedTo,
  listReviewersOfApplications,
  pageApplicationsOfAssociation,
} from "../data/applications.ts";
import { listAuditOfSubjects } from "../data/audit-log.ts";
import { hasPassedExam } from "../data/exams.ts";
import { findAssociationBySlug } from "../data/associations.ts";
import { countCandidatesOfAssociationByStatus, pageCandidatesOfAssociation } from "../data/candidacies.ts";
import { applicationStatuses, openForReview } from "../domain/application-lifecycle.ts";
import { confirmableLists } from "../domain/confirmable-entries.ts";
import { today } from "../domain/dates.ts";
import { examApprovalExpired } from "../domain/decision-windows.ts";
import { decidableOutcomes } from "../domain/decidable-outcomes.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import type { StoredEligibilityReport } from "../domain/report.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { applicationPolicy } from "../policies/application.ts";
import { associationPolicy } from "../policies/association.ts";
import { candidacyPolicy } from "../policies/candidacy.ts";
import { candidateStatuses, listWindows, type StaffApplicationsQuery, type StaffCandidatesQuery } from "../forms/list-filters.ts";
import { type ListQuery, listPage, pageRequest, windowStart } from "./list-page.ts";
import { applicationHistory } from "./application-history.ts";
import { categoryName, forbidden, hidden, isoDay, type Reader } from "./reader.ts";
import { lettersOfApplication } from "./letters.ts";
import { submittedReviewsOf } from "./reviews.ts";
import { conflictsOfReviewers } from "./reviewer-conflicts.ts";
import { reviewerChoices, reviewersWithLoad } from "./reviewer-load.ts";

/** The association of a staff page: 404 for no such association, 403 for someone who does not work for it. */
export async function associationForStaff(reader: Reader, actor: MaybeActor, slug: string) {
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  if (!associationPolicy.actAsStaff(actor, association)) forbidden();
  return { id: association.id, slug: association.slug, name: association.name };
}

/**
 * One page of the association's applications (drafts too, so transcripts can be recorded early),
 * filtered by status and window, with each status's count for the filter, the reviewers of the
 * page's applications and the reviewers to choose from (with their open load, and for each application
 * those offered and why the others are not: decision 026). `readsFile` says whether the actor may open
 * its frozen file: the installation's owner lists applications but reads no one's file.
 */
export async function staffApplicationsPage(reader: Reader, actor: MaybeActor, slug: string, list: ListQuery<StaffApplicationsQuery>) {
  const association = await associationForStaff(reader, actor, slug);
  const { query } = list;
  const submittedSince = windowStart(reader.now(), query.window);
  const [page, statusCounts] = await Promise.all([
    pageApplicationsOfAssociation(reader.db, association.id, { status: query.status, submittedSince }, pageRequest(query)),
    countApplicationsOfAssociationByStatus(reader.db, association.id, { submittedSince }),
  ]);
  const applications = page.rows;
  const ids = applications.map((application) => application.id);
  const [assigned, reviewers, assignedToActor] = await Promise.all([
    listReviewersOfApplications(reader.db, ids),
    reviewersWithLoad(reader, association.id),
    actor ? listApplicationsAssignedTo(reader.db, actor.userId, ids) : Promise.resolve<string[]>([]),
  ]);
  // Conflicts are worked out only for the files still open to assignment on this page, in one go.
  const open = applications.filter((application) => openForReview.includes(application.status)).map((application) => application.id);
  const conflicts = await conflictsOfReviewers(
    reader.db,
    open,
    reviewers.reviewers.map((reviewer) => reviewer.id),
  );
  const readsFile = (application: { id: string; status: string }) =>
    application.status !== "draft" && applicationPolicy.readFile(actor, { association_id: association.id }, assignedToActor.includes(application.id));
  return {
    association,
    filter: { status: query.status ?? null, window: query.window ?? null, windows: listWindows },
    statusCounts: applicationStatuses.map((status) => ({ status, count: Number(statusCounts.find((row) => row.status === status)?.count ?? 0) })),
    page: listPage(page, list.misread),
    reviewers: reviewers.reviewers.map(({ id, name, openLoad, maxOpen }) => ({ id, name, openLoad, maxOpen })),
    applications: applications.map((application) => ({
      id: application.id,
      name: application.name,
      status: application.status,
      category: categoryName(reader, application.framework_id, application.category_id),
      submitted: isoDay(application.submitted_at) ?? "",
      feeCents: application.fee_cents,
      feePaid: isoDay(application.fee_paid_at),
      reviewers: assigned.filter((row) => row.application_id === application.id).map((row) => row.name),
      readsFile: readsFile(application),
      ...reviewerChoices(
        reader,
        reviewers.reviewers,
        reviewers.today,
        application,
        assigned.filter((row) => row.application_id === application.id).map((row) => row.userId),
        conflicts.get(application.id),
      ),
    })),
  };
}

/**
 * A submitted application's file as frozen at submission, for the association's staff and the
 * reviewers assigned to it. Anyone else is told it does not exist; the email is for staff only.
 */
export async function applicationFile(reader: Reader, actor: MaybeActor, slug: string, applicationId: string, version?: number) {
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  const application = await findSubmittedApplication(reader.db, applicationId);
  if (!actor || !application || application.association_id !== association.id) hidden();
  if (!applicationPolicy.readFile(actor, application, await isAssignedReviewer(reader.db, application.id, actor.userId))) hidden();
  const [snapshot, history] = await Promise.all([findSnapshot(reader.db, application.id, version), applicationHistory(reader.db, application.id, "staff")]);
  if (!snapshot) hidden();
  const portfolio = snapshot.portfolio as Portfolio;
  const isStaff = applicationPolicy.readContact(actor, application);
  const previous = snapshot.version > 1 ? await findSnapshot(reader.db, application.id, snapshot.version - 1) : undefined;
  const isNewest = snapshot.version === application.file_version;
  const category = reader.frameworks
    .find((framework) => framework.id === application.framework_id)
    ?.categories.find((each) => each.id === application.category_id);
  const decides = isNewest && category !== undefined && applicationPolicy.decide(actor, application);
  return {
    version: snapshot.version,
    newestVersion: application.file_version,
    previous: previous ? { version: previous.version, portfolio: previous.portfolio as Portfolio, report: previous.report as StoredEligibilityReport } : null,
    // The decision form: the outcomes open now, on the status and version this page shows (application.decided refuses a stale one).
    // The submitted reviews' feedback for the applicant prefills the decision's, for staff to edit.
    decision: decides
      ? {
          outcomes: decidableOutcomes(category, application.status, application.status === "exam" && (await hasPassedExam(reader.db, application.id))),
          expectedStatus: application.status,
          expectedVersion: application.file_version,
          feedback: (await submittedReviewsOf(reader.db, application.id, application.file_version))
            .map((review) => review.feedback.trim())
            .filter((feedback) => feedback !== "")
            .join("\n\n"),
        }
      : null,
    examApprovedUntil: application.status === "approved-for-exam" ? application.exam_approved_until : null,
    examExpired: examApprovalExpired(application, today(association.time_zone, reader.now())),
    emergingUntil: application.status === "emerging" ? application.emerging_until : null,
    letters: applicationPolicy.readLetters(actor, application) ? await lettersOfApplication(reader, application.id) : [],
    applicationId: application.id,
    associationId: association.id,
    applicant: application.name,
    email: isStaff ? application.email : null,
    canExportTrail: isStaff,
    history,
    status: application.status,
    category: categoryName(reader, application.framework_id, application.category_id),
    submitted: isoDay(application.submitted_at) ?? "",
    sha256: snapshot.sha256,
    portfolio,
    report: snapshot.report as StoredEligibilityReport,
    samePersonFlags: await samePersonFlagsOf(reader, application.user_id, portfolio),
  };
}

type SamePersonReason = "same-name" | "same-sign-up-address";

/**
 * Raters and providers Cradle flagged when the applicant asked them: their address is another
 * account of the applicant's (src/commands/shared/mail-to-strangers.ts). Read from the requests'
 * audit entries, which Cradle wrote and nobody edits, never from the portfolio the applicant writes.
 */
async function samePersonFlagsOf(reader: Reader, userId: string, portfolio: Portfolio) {
  const entryIds = [...portfolio.references.map((reference) => reference.id), ...confirmableLists.flatMap((list) => portfolio[list].map((entry) => entry.id))];
  const entries = await listAuditOfSubjects(
    reader.db,
    "portfolio-entry",
    entryIds.map((entryId) => `${userId}/${entryId}`),
    ["reference.requested", "confirmation.requested"],
  );
  const flags: Record<string, SamePersonReason[]> = {};
  for (const entry of entries) {
    const samePerson = entry.actor_kind === "person" ? (entry.details.samePerson as { reasons?: SamePersonReason[] } | undefined) : undefined;
    if (!samePerson?.reasons) continue;
    const entryId = entry.subject_id.slice(userId.length + 1);
    flags[entryId] = [...new Set([...(flags[entryId] ?? []), ...samePerson.reasons])];
  }
  return flags;
}

/**
 * One page of the association's candidates, soonest ending first, filtered by status (open or
 * ended) and enrolment window, with each status's count; `viewsProgress` says whether the actor may
 * open a candidate's progress (the installation's owner may not).
 */
export async function staffCandidatesPage(reader: Reader, actor: MaybeActor, slug: string, list: ListQuery<StaffCandidatesQuery>) {
  const association = await associationForStaff(reader, actor, slug);
  const { query } = list;
  const filter = { now: reader.now(), enrolledSince: windowStart(reader.now(), query.window) };
  const [page, counts] = await Promise.all([
    pageCandidatesOfAssociation(reader.db, association.id, { ...filter, status: query.status }, pageRequest(query)),
    countCandidatesOfAssociationByStatus(reader.db, association.id, filter),
  ]);
  return {
    association,
    filter: { status: query.status ?? null, window: query.window ?? null, windows: listWindows },
    statusCounts: candidateStatuses.map((status) => ({ status, count: counts[status] })),
    page: listPage(page, list.misread),
    candidates: page.rows.map((candidate) => ({
      id: candidate.id,
      name: candidate.name,
      advisor: candidate.advisorName,
      category: categoryName(reader, candidate.framework_id, candidate.category_id),
      until: isoDay(candidate.expires_at) ?? "",
      viewsProgress: candidacyPolicy.viewProgress(actor, candidate),
    })),
  };
}
