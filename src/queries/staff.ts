import {
  findSnapshot,
  findSubmittedApplication,
  isAssignedReviewer,
  listApplicationsOfAssociation,
  listReviewersOfApplications,
} from "../data/applications.ts";
import { listPeopleOfAssociation } from "../data/association-roles.ts";
import { findAssociationBySlug } from "../data/associations.ts";
import { listCandidatesOfAssociation } from "../data/candidacies.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import type { StoredEligibilityReport } from "../domain/report.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { applicationPolicy } from "../policies/application.ts";
import { associationPolicy } from "../policies/association.ts";
import { categoryName, forbidden, hidden, isoDay, type Reader } from "./reader.ts";

/** The association of a staff page: 404 for no such association, 403 for someone who does not work for it. */
export async function associationForStaff(reader: Reader, actor: MaybeActor, slug: string) {
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  if (!associationPolicy.actAsStaff(actor, association)) forbidden();
  return { id: association.id, slug: association.slug, name: association.name };
}

/** Every application of the association (drafts too, so transcripts can be recorded early), with its reviewers and the reviewers to choose from. */
export async function staffApplicationsPage(reader: Reader, actor: MaybeActor, slug: string) {
  const association = await associationForStaff(reader, actor, slug);
  const applications = await listApplicationsOfAssociation(reader.db, association.id);
  const [assigned, people] = await Promise.all([
    listReviewersOfApplications(
      reader.db,
      applications.map((application) => application.id),
    ),
    listPeopleOfAssociation(reader.db, association.id),
  ]);
  return {
    association,
    reviewers: people.filter((person) => person.role === "reviewer").map((person) => ({ id: person.userId, name: person.name })),
    applications: applications.map((application) => ({
      id: application.id,
      name: application.name,
      status: application.status,
      category: categoryName(reader, application.framework_id, application.category_id),
      submitted: isoDay(application.submitted_at) ?? "",
      feeCents: application.fee_cents,
      feePaid: isoDay(application.fee_paid_at),
      reviewers: assigned.filter((row) => row.application_id === application.id).map((row) => row.name),
    })),
  };
}

/**
 * A submitted application's file as frozen at submission, for the association's staff and the
 * reviewers assigned to it. Anyone else is told it does not exist; the email is for staff only.
 */
export async function applicationFile(reader: Reader, actor: MaybeActor, slug: string, applicationId: string) {
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  const application = await findSubmittedApplication(reader.db, applicationId);
  if (!actor || !application || application.association_id !== association.id) hidden();
  if (!applicationPolicy.readFile(actor, application, await isAssignedReviewer(reader.db, application.id, actor.userId))) hidden();
  const snapshot = (await findSnapshot(reader.db, application.id)) ?? hidden();
  return {
    applicant: application.name,
    email: applicationPolicy.readContact(actor, application) ? application.email : null,
    status: application.status,
    category: categoryName(reader, application.framework_id, application.category_id),
    submitted: isoDay(application.submitted_at) ?? "",
    sha256: snapshot.sha256,
    portfolio: snapshot.portfolio as Portfolio,
    report: snapshot.report as StoredEligibilityReport,
  };
}

export async function staffCandidatesPage(reader: Reader, actor: MaybeActor, slug: string) {
  const association = await associationForStaff(reader, actor, slug);
  const candidates = await listCandidatesOfAssociation(reader.db, association.id);
  return {
    association,
    candidates: candidates.map((candidate) => ({
      id: candidate.id,
      name: candidate.name,
      advisor: candidate.advisorName,
      category: categoryName(reader, candidate.framework_id, candidate.category_id),
      until: isoDay(candidate.expires_at) ?? "",
    })),
  };
}
