import { findApplicationOfUser } from "../data/applications.ts";
import { listReviewersOfAssociation } from "../data/association-roles.ts";
import { findAssociationById } from "../data/associations.ts";
import {
  findLatestResult,
  findRatingForRater,
  findSitting,
  hasPassedExam,
  listOpenSittings,
  listRatingsOfRegistrations,
  listRegistrationsOfApplication,
  listApplicationsApprovedForExam,
  listRosterOfSitting,
  pageRatingsOfRater,
  pageSittingsOfAssociation,
} from "../data/exams.ts";
import { today } from "../domain/dates.ts";
import { examResult, examRules, retakeAllowedFrom } from "../domain/exam-result.ts";
import type { Category } from "../domain/framework-schema.ts";
import type { MaybeActor, SessionActor } from "../policies/actor.ts";
import { type ListQuery, listPage, pageRequest } from "./list-page.ts";
import { hidden, type Reader } from "./reader.ts";
import { conflictsOfReviewers } from "./reviewer-conflicts.ts";
import { associationForStaff } from "./staff.ts";

function categoryOf(reader: Reader, frameworkId: string, categoryId: string): Category | undefined {
  return reader.frameworks.find((framework) => framework.id === frameworkId)?.categories.find((category) => category.id === categoryId);
}

const sittingView = (sitting: {
  id: string;
  day: string;
  starts_at: string;
  time_zone: string;
  mode: "online" | "in-person";
  place: string;
  capacity: number;
}) => ({
  id: sitting.id,
  day: sitting.day,
  startsAt: sitting.starts_at,
  timeZone: sitting.time_zone,
  mode: sitting.mode,
  place: sitting.place,
  capacity: sitting.capacity,
});

/** Staff's list of the association's sittings, a page at a time, with the association's time zone for a new one. */
export async function staffSittingsPage(reader: Reader, actor: MaybeActor, slug: string, list: ListQuery) {
  const association = await associationForStaff(reader, actor, slug);
  const [page, details] = await Promise.all([
    pageSittingsOfAssociation(reader.db, association.id, pageRequest(list.query)),
    findAssociationById(reader.db, association.id),
  ]);
  return {
    association,
    timeZone: details?.time_zone ?? "UTC",
    page: listPage(page, list.misread),
    sittings: page.rows.map((row) => ({ ...sittingView(row), taken: Number(row.taken) })),
  };
}

/**
 * One sitting for staff: its roster (names, for staff only), each registration's scores, raters and
 * where its result stands; the association's reviewers to choose raters from; and the applicants
 * approved to sit the exam, within their window, who have no open registration. 404 for a sitting
 * of another association.
 */
export async function staffSittingPage(reader: Reader, actor: MaybeActor, slug: string, sittingId: string) {
  const association = await associationForStaff(reader, actor, slug);
  const sitting = await findSitting(reader.db, sittingId);
  if (!sitting || sitting.association_id !== association.id) hidden();
  const details = await findAssociationById(reader.db, association.id);
  const day = today(details?.time_zone ?? "UTC", reader.now());
  const [roster, reviewers, approved] = await Promise.all([
    listRosterOfSitting(reader.db, sitting.id),
    listReviewersOfAssociation(reader.db, association.id),
    listApplicationsApprovedForExam(reader.db, association.id, day),
  ]);
  const [ratings, conflicts] = await Promise.all([
    listRatingsOfRegistrations(
      reader.db,
      roster.map((row) => row.id),
    ),
    conflictsOfReviewers(
      reader.db,
      roster.map((row) => row.application_id),
      reviewers.map((reviewer) => reviewer.userId),
    ),
  ]);
  return {
    association,
    sitting: sittingView(sitting),
    reviewers: reviewers.map((reviewer) => ({ id: reviewer.userId, name: reviewer.name })),
    approved: approved.map((application) => ({ id: application.id, name: application.name })),
    roster: roster.map((row) => {
      const rules = examRules(categoryOf(reader, row.framework_id, row.category_id)!)!;
      const own = ratings.filter((rating) => rating.registration_id === row.id);
      const settled = examResult({ part1Correct: row.part1_correct, part2Ratings: own.filter((rating) => rating.submitted_at !== null) }, rules);
      return {
        id: row.id,
        applicationId: row.application_id,
        name: row.name,
        code: row.exam_code,
        accommodationRequest: row.accommodation_request,
        accommodationAnswer: row.accommodation_answer,
        part1Correct: row.part1_correct,
        part1Items: rules.part1Items,
        part2Answers: row.part2_answers,
        part2File: row.part2_file_media_type,
        result: row.result,
        // What the rule says now: staff may record it when Cradle has not (it records it as soon as it settles).
        settled: row.result ?? settled,
        // A first and second rater once Part 2 is in; a third only when those two differ.
        needsRater:
          row.result === null &&
          (row.part2_answers !== null || row.part2_file_sha256 !== null) &&
          (own.length < 2 || (settled === "needs-third" && !own.some((rating) => rating.round === "third"))),
        ratings: own.map((rating) => ({ round: rating.round, rater: rating.rater_name, result: rating.submitted_at ? rating.result : null })),
        // Raters are never the examinee, a reviewer with a conflict of interest, nor someone already rating this exam.
        raterChoices: reviewers
          .filter(
            (reviewer) =>
              reviewer.userId !== row.user_id &&
              !conflicts.get(row.application_id)?.has(reviewer.userId) &&
              !own.some((rating) => rating.rater_user_id === reviewer.userId),
          )
          .map((reviewer) => reviewer.userId),
      };
    }),
  };
}

/**
 * The exam part of an applicant's own application page: the approval window, the open sittings
 * to choose from, their sittings and results, and when a retake opens. Undefined for a category
 * without an exam.
 */
export async function ownExam(reader: Reader, actor: SessionActor, applicationId: string) {
  const application = (await findApplicationOfUser(reader.db, actor.userId, applicationId)) ?? hidden();
  const category = categoryOf(reader, application.framework_id, application.category_id);
  const rules = category ? examRules(category) : undefined;
  if (!rules) return undefined;
  const association = await findAssociationById(reader.db, application.association_id);
  const day = today(association?.time_zone ?? "UTC", reader.now());
  const [registrations, last, passed] = await Promise.all([
    listRegistrationsOfApplication(reader.db, application.id),
    findLatestResult(reader.db, application.id),
    hasPassedExam(reader.db, application.id),
  ]);
  const approved = application.status === "approved-for-exam";
  const approvedUntil = application.exam_approved_until;
  const expired = approved && (approvedUntil === null || approvedUntil < day);
  const open = approved && !expired ? await listOpenSittings(reader.db, application.association_id, day) : [];
  return {
    approved,
    approvedUntil,
    expired,
    passed,
    retakeFrom: approved && last?.result === "not-yet" && last.decided_on ? retakeAllowedFrom(last.decided_on, rules) : null,
    openSittings: open.map(sittingView),
    registrations: registrations.map((row) => ({
      id: row.id,
      day: row.day,
      startsAt: row.starts_at,
      timeZone: row.time_zone,
      mode: row.mode,
      place: row.place,
      accommodationRequest: row.accommodation_request,
      accommodationAnswer: row.accommodation_answer,
      result: row.result,
    })),
  };
}

/** A rater's own ratings, a page at a time, each known only by its exam code. */
export async function myExamRatings(reader: Reader, actor: MaybeActor, list: ListQuery) {
  if (!actor) hidden();
  const page = await pageRatingsOfRater(reader.db, actor.userId, pageRequest(list.query));
  return {
    page: listPage(page, list.misread),
    ratings: page.rows.map((row) => ({ id: row.id, code: row.exam_code, round: row.round, submitted: row.submitted_at !== null })),
  };
}

/**
 * One rating for its rater: the exam code, the Part 2 answers and the guide from the framework,
 * and their own judgement once given. Nothing that names the examinee; never the other raters'
 * results (a third rater learns only that the first two differed). 404 for anyone else.
 */
export async function myExamRating(reader: Reader, actor: MaybeActor, ratingId: string) {
  if (!actor) hidden();
  const rating = (await findRatingForRater(reader.db, ratingId, actor.userId)) ?? hidden();
  const exam = categoryOf(reader, rating.framework_id, rating.category_id)?.requirements.find((requirement) => requirement.kind === "exam");
  const part2 = exam?.kind === "exam" ? exam.parts.find((part) => part.passPercent === null) : undefined;
  return {
    id: rating.id,
    code: rating.exam_code,
    round: rating.round,
    answers: rating.part2_answers ?? "",
    hasFile: rating.part2_file_sha256 !== null,
    part2Label: part2?.label ?? null,
    submitted: rating.submitted_at !== null,
    result: rating.result,
    comments: rating.comments,
    hours: rating.hours,
  };
}

/** The scan of Part 2 for its rater only, with the exam code to name the download by; 404 for anyone else or when there is none. */
export async function myExamRatingFile(reader: Reader, actor: MaybeActor, ratingId: string) {
  if (!actor) hidden();
  const rating = (await findRatingForRater(reader.db, ratingId, actor.userId)) ?? hidden();
  if (rating.part2_file_sha256 === null || rating.part2_file_media_type === null) hidden();
  return { code: rating.exam_code, sha256: rating.part2_file_sha256, mediaType: rating.part2_file_media_type };
}
