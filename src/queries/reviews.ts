import { findSnapshot, findSubmittedApplication, isAssignedReviewer } from "../data/applications.ts";
import { findAssociationBySlug } from "../data/associations.ts";
import type { Db } from "../data/database.ts";
import { findReviewOf, listSubmittedReviews } from "../data/reviews.ts";
import { openForReview } from "../domain/application-lifecycle.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import type { StoredEligibilityReport } from "../domain/report.ts";
import { checklistOf, disagreements, judgedItemsFor, reviewerVerdict, reviewScale } from "../domain/review-checklist.ts";
import { outcomesFor } from "../domain/review-outcomes.ts";
import type { FormValues } from "../forms/parse-form.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { applicationPolicy } from "../policies/application.ts";
import { categoryName, hidden, isoDay, type Reader } from "./reader.ts";

/**
 * The submitted reviews of one version of an application's file, first submitted first: what each
 * reviewer recommends and their feedback for the applicant (to prefill the decision), their notes
 * for staff, hours, answers and scores. Drafts are never read. Callers check who may read them.
 */
export async function submittedReviewsOf(db: Db, applicationId: string, version: number) {
  const rows = await listSubmittedReviews(db, applicationId, version);
  return rows.map((row) => ({
    reviewId: row.id,
    reviewerUserId: row.reviewer_user_id,
    reviewerName: row.reviewerName,
    recommendation: row.recommendation,
    feedback: row.feedback,
    staffNotes: row.staff_notes,
    hours: row.hours,
    submitted: isoDay(row.submitted_at) ?? "",
    items: row.items,
    scores: row.scores,
  }));
}

/** The application of a page under /a/:slug, submitted, with its current version's frozen file; 404 when the association does not hold it. */
async function frozenApplication(reader: Reader, actor: MaybeActor, slug: string, applicationId: string) {
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  const application = await findSubmittedApplication(reader.db, applicationId);
  if (!actor || !application || application.association_id !== association.id) hidden();
  const framework = reader.frameworks.find((candidate) => candidate.id === application.framework_id);
  const category = framework?.categories.find((candidate) => candidate.id === application.category_id);
  if (!framework || !category) hidden();
  return { actor, application, framework, category };
}

async function checklistOfVersion(reader: Reader, applicationId: string, version: number) {
  const snapshot = (await findSnapshot(reader.db, applicationId, version)) ?? hidden();
  return { snapshot, checklist: checklistOf((snapshot.report as StoredEligibilityReport).requirements) };
}

/**
 * The assigned reviewer's checklist of the current version of the file: each requirement with the
 * engine's frozen verdict and the entries that counted, the items to score and the scale, the
 * outcomes to recommend, and their own review (draft or submitted) as the form's values. Anyone
 * else, staff included, gets 404: a review is its reviewer's until submitted.
 */
export async function reviewChecklist(reader: Reader, actor: MaybeActor, slug: string, applicationId: string) {
  const { actor: reviewer, application, framework, category } = await frozenApplication(reader, actor, slug, applicationId);
  if (!(await isAssignedReviewer(reader.db, application.id, reviewer.userId))) hidden();
  const version = application.file_version;
  const { snapshot, checklist } = await checklistOfVersion(reader, application.id, version);
  const review = await findReviewOf(reader.db, application.id, version, reviewer.userId);
  const values: FormValues = {};
  if (review) {
    for (const item of review.items) {
      if (item.decision) values[`decision-${item.key}`] = item.decision;
      values[`comment-${item.key}`] = item.comment;
    }
    for (const [key, score] of Object.entries(review.scores)) values[`score-${key}`] = score;
    Object.assign(values, {
      feedback: review.feedback,
      staffNotes: review.staff_notes,
      recommendation: review.recommendation ?? "",
      hours: review.hours?.toString() ?? "",
    });
  }
  return {
    applicant: application.name,
    category: categoryName(reader, application.framework_id, application.category_id),
    version,
    frozen: isoDay(snapshot.created_at) ?? "",
    portfolio: snapshot.portfolio as Portfolio,
    checklist,
    judged: judgedItemsFor(framework, category),
    scale: reviewScale(framework, category),
    outcomes: outcomesFor(category, "in-review"),
    values,
    submitted: review?.status === "submitted" ? (isoDay(review.submitted_at) ?? "") : null,
    open: openForReview.includes(application.status),
  };
}

/**
 * The submitted reviews of the current version side by side, for the association's staff: per
 * requirement each reviewer's standing verdict (and whether they overrode the engine), per item
 * each score, and what they recommend, with where they disagree. Drafts are not shown; anyone but
 * the association's staff gets 404.
 */
export async function reviewsSideBySide(reader: Reader, actor: MaybeActor, slug: string, applicationId: string) {
  const { actor: staff, application, framework, category } = await frozenApplication(reader, actor, slug, applicationId);
  if (!applicationPolicy.readContact(staff, application)) hidden();
  const version = application.file_version;
  const { checklist } = await checklistOfVersion(reader, application.id, version);
  const reviews = (await submittedReviewsOf(reader.db, application.id, version)).map((review) => ({
    ...review,
    verdicts: Object.fromEntries(review.items.map((item) => [item.key, reviewerVerdict(item.engine, item.decision)] as const)),
  }));
  const disagree = disagreements(reviews);
  const judged = judgedItemsFor(framework, category);
  return {
    applicant: application.name,
    category: categoryName(reader, application.framework_id, application.category_id),
    version,
    reviewers: reviews.map(({ reviewId, reviewerName, recommendation, feedback, staffNotes, hours, submitted }) => ({
      reviewId,
      reviewerName,
      recommendation,
      feedback,
      staffNotes,
      hours,
      submitted,
    })),
    requirements: checklist.map((requirement) => ({
      key: requirement.key,
      label: requirement.label,
      engine: requirement.engine,
      disagree: disagree.requirements.has(requirement.key),
      answers: reviews.map((review) => {
        const item = review.items.find((candidate) => candidate.key === requirement.key);
        return { verdict: review.verdicts[requirement.key] ?? null, overridden: item?.decision === "override", comment: item?.comment ?? "" };
      }),
    })),
    scores: judged.map((item) => ({
      key: item.key,
      label: item.label,
      disagree: disagree.scores.has(item.key),
      answers: reviews.map((review) => review.scores[item.key] ?? null),
    })),
    recommendationDisagrees: disagree.recommendation,
    disagreementCount: disagree.requirements.size + disagree.scores.size + (disagree.recommendation ? 1 : 0),
  };
}
