import {
  findAdvisoryReview,
  listAdvisoryComments,
  listAdvisoryReviewsOfApplicant,
  listOpenAdvisoryReviewsOfAdvisor,
  pageAdvisoryReviewsOfAssociation,
} from "../data/advisory-reviews.ts";
import { listReviewersOfAssociation } from "../data/association-roles.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { entriesOf, sections } from "../forms/portfolio-sections.ts";
import { writtenStatementId } from "../forms/portfolio-drafts.ts";
import { hasRole, type MaybeActor, type SessionActor } from "../policies/actor.ts";
import { type ListQuery, listPage, pageRequest } from "./list-page.ts";
import { categoryName, hidden, isoDay, type Reader } from "./reader.ts";
import { associationForStaff } from "./staff.ts";

/** How many of a person's advisory reviews the portfolio shows comments from: the newest. */
const reviewsWithComments = 5;

type Comment = Awaited<ReturnType<typeof listAdvisoryComments>>[number];

const commentOf = (comment: Comment) => ({ id: comment.id, body: comment.body, date: isoDay(comment.created_at) ?? "", done: comment.done_at !== null });

/** Comments grouped by the section they are about. */
function bySection<T extends { section: string }>(comments: readonly T[]): Record<string, T[]> {
  const grouped: Record<string, T[]> = {};
  for (const comment of comments) (grouped[comment.section] ??= []).push(comment);
  return grouped;
}

/** The person's advisory reviews (asked for), and those they advise on that are still open. */
export async function advisoryOverview(reader: Reader, actor: SessionActor) {
  const [mine, advising] = await Promise.all([
    listAdvisoryReviewsOfApplicant(reader.db, actor.userId),
    listOpenAdvisoryReviewsOfAdvisor(reader.db, actor.userId),
  ]);
  return {
    mine: mine.map((review) => ({
      id: review.id,
      status: review.status,
      advisor: review.advisorName ?? "",
      association: review.associationName,
      category: categoryName(reader, review.framework_id, review.category_id),
      requested: isoDay(review.requested_at) ?? "",
    })),
    advising: advising.map((review) => ({
      id: review.id,
      applicant: review.applicantName,
      association: review.associationName,
      category: categoryName(reader, review.framework_id, review.category_id),
      requested: isoDay(review.requested_at) ?? "",
    })),
  };
}

/**
 * An advisor's page: the applicant's live portfolio to read (never to edit) and the comments so
 * far, section by section. Only the assigned advisor and the association's staff; 404 for anyone else.
 */
export async function advisoryFile(reader: Reader, actor: MaybeActor, advisoryReviewId: string) {
  const review = (await findAdvisoryReview(reader.db, advisoryReviewId)) ?? hidden();
  const isAdvisor = actor !== null && review.advisor_user_id === actor.userId;
  if (!isAdvisor && !hasRole(actor, review.association_id, "staff", "admin")) hidden();
  const [{ portfolio }, comments] = await Promise.all([findPortfolio(reader.db, review.applicant_user_id), listAdvisoryComments(reader.db, [review.id])]);
  const statement = portfolio.documents.find((document) => document.id === writtenStatementId);
  return {
    id: review.id,
    applicant: review.applicantName,
    category: categoryName(reader, review.framework_id, review.category_id),
    question: review.question,
    status: review.status,
    canComment: isAdvisor && review.status === "assigned",
    sections: sections.map((section) => ({ id: section.id, title: section.title, entries: entriesOf(section, portfolio) })),
    references: portfolio.references.map((reference) => ({
      id: reference.id,
      role: reference.role,
      name: reference.raterName ?? "",
      completed: reference.completed ?? null,
    })),
    statement: statement?.text ?? null,
    comments: bySection(comments.map((comment) => ({ section: comment.section, ...commentOf(comment) }))),
  };
}

/** The association's advisory reviews a page at a time, with the people who may advise (its reviewers). */
export async function staffAdvisoryPage(reader: Reader, actor: MaybeActor, slug: string, list: ListQuery) {
  const association = await associationForStaff(reader, actor, slug);
  const [page, reviewers] = await Promise.all([
    pageAdvisoryReviewsOfAssociation(reader.db, association.id, pageRequest(list.query)),
    listReviewersOfAssociation(reader.db, association.id),
  ]);
  return {
    association,
    page: listPage(page, list.misread),
    advisors: reviewers.map((reviewer) => ({ id: reviewer.userId, name: reviewer.name })),
    reviews: page.rows.map((review) => ({
      id: review.id,
      applicant: review.applicantName,
      category: categoryName(reader, review.framework_id, review.category_id),
      question: review.question,
      status: review.status,
      advisor: review.advisorName ?? "",
      requested: isoDay(review.requested_at) ?? "",
      candidacyAdvisor: review.candidacyAdvisorId ? { id: review.candidacyAdvisorId, name: review.candidacyAdvisorName ?? "" } : null,
    })),
  };
}

/** The comments advisors left on the person's portfolio (their newest advisory reviews), by section, for the portfolio page. */
export async function adviceOnPortfolio(reader: Reader, userId: string) {
  const reviews = (await listAdvisoryReviewsOfApplicant(reader.db, userId)).slice(0, reviewsWithComments);
  const advisorOf = new Map(reviews.map((review) => [review.id, review.advisorName ?? ""]));
  const comments = await listAdvisoryComments(
    reader.db,
    reviews.map((review) => review.id),
  );
  return bySection(comments.map((comment) => ({ section: comment.section, advisor: advisorOf.get(comment.advisory_review_id) ?? "", ...commentOf(comment) })));
}
