import { afterAll, describe, expect, it } from "vitest";
import routes from "../../app/routes.ts";
import { assignAdvisor } from "../../src/commands/assign-advisor.ts";
import { assignAdvisoryReviewer } from "../../src/commands/assign-advisory-reviewer.ts";
import { requestAdvisoryReview } from "../../src/commands/request-advisory-review.ts";
import { assignReviewer } from "../../src/commands/assign-reviewer.ts";
import { decideApplication } from "../../src/commands/decide-application.ts";
import { startApplication } from "../../src/commands/start-application.ts";
import { submitApplication } from "../../src/commands/submit-application.ts";
import { enrolCandidate } from "../../src/commands/enrol-candidate.ts";
import { uploadDocument } from "../../src/commands/upload-document.ts";
import { createHourAudit } from "../../src/commands/create-hour-audit.ts";
import { setFrameworksOfAssociation } from "../../src/data/association-frameworks.ts";
import { keyOfAssociation } from "../../src/data/association-signing-keys.ts";
import type { SessionActor } from "../../src/policies/actor.ts";
import { assignExamRater } from "../../src/commands/assign-exam-rater.ts";
import { recordExamPart2File } from "../../src/commands/record-exam-part2-file.ts";
import { recordExamPart2 } from "../../src/commands/record-exam-scores.ts";
import { registerForExam } from "../../src/commands/register-for-exam.ts";
import { buildAssociation, buildMember, buildUser, signIn } from "../setup/builders.ts";
import { buildApplicationApprovedForExam, buildExamSitting, buildExamStaff } from "../setup/exam-builders.ts";
import type { HttpClient } from "../setup/http-client.ts";
import { buildConfirmEntriesRequest, buildConfirmationRequest, buildReferenceRequest } from "../setup/link-builders.ts";
import { buildAllianceAssociation, buildApplicationInReview, buildDraftApplication, buildSubmittedApplication, runOrThrow } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

/**
 * Who may reach what. Each row is a route and the status each kind of person gets, on real things
 * made through the commands, so that the roles are told apart:
 *
 * - "applicant" has an IFS application in review in the home association, a document, a candidacy
 *   (advised by "advisor") and a portfolio with entries; "member" is another member there.
 * - "assigned-reviewer" reviews the applicant's application and rates another applicant's exam
 *   (known to them by its code only); "reviewer" is a reviewer of the home
 *   association assigned to nothing; "staff" and "admin" work for the home association.
 * - "other-admin" is the admin of another association, which has its own applicant, application,
 *   document and candidacy: every association-scoped row proves one association's people cannot reach
 *   another's, and the rows on the other association's things prove its admin can.
 * - "owner" runs the installation and holds no role in an association.
 */
const actors = ["anonymous", "applicant", "member", "assigned-reviewer", "reviewer", "advisor", "staff", "admin", "other-admin", "owner"] as const;
type ActorName = (typeof actors)[number];
type Expectation = number | Partial<Record<ActorName | "default", number>>;

/**
 * `path` is a fixed address, or builds a fresh subject for each case (a POST that would change it for
 * the next person) and returns its address. `shows` is text every 200 answer of the row must contain,
 * so a 200 is the page of that thing and not an empty one.
 */
type Row = {
  route: string;
  method: "GET" | "POST";
  label?: string;
  path: string | (() => Promise<string>);
  fields?: Record<string, string>;
  shows?: string;
  expect: Expectation;
};

const app = await startTestApp();
afterAll(() => app.close());
const { db } = app.services;
const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** A candidate for California's TMHP (a category with candidate status), through the command. */
async function enrol(actor: SessionActor, associationId: string) {
  const { candidacyId } = await runOrThrow(app, enrolCandidate, actor, { associationId, frameworkId: "california-ifecmh", categoryId: "tmhp" });
  return candidacyId;
}

async function upload(actor: SessionActor) {
  const { documentId } = await runOrThrow(app, uploadDocument, actor, { type: "resume", filename: "resume.pdf", file: pdf });
  return documentId;
}

// The home association and its people.
const slug = "home-assoc";
const home = await buildAllianceAssociation(app, { slug });
await setFrameworksOfAssociation(db, home.id, ["alliance-iecmh-e", "california-ifecmh"]);
const inReview = await buildApplicationInReview(app, { associationId: home.id, name: "Ana Applicant" });
const advisor = await buildMember(db, home.id, "reviewer", { name: "Adam Advisor" });
const homeCandidacy = await enrol(inReview.actor, home.id);
await runOrThrow(app, assignAdvisor, inReview.staff.actor, { candidacyId: homeCandidacy, advisorEmail: advisor.email });
const homeDocument = await upload(inReview.actor);
const homeDraft = await buildDraftApplication(app, { associationId: home.id });
const rater = await buildReferenceRequest(app, { associationId: home.id, name: "Rhea Asks" });
const provider = await buildConfirmationRequest(app, { associationId: home.id, name: "Vera Asks" });
const listProvider = await buildConfirmEntriesRequest(app, { associationId: home.id, name: "Lena Lists" });

// Another association, with its own applicant and things.
const other = await buildAllianceAssociation(app);
await setFrameworksOfAssociation(db, other.id, ["alliance-iecmh-e", "california-ifecmh"]);
const elsewhere = await buildSubmittedApplication(app, { associationId: other.id, name: "Olga Elsewhere" });
const otherCandidacy = await enrol(elsewhere.actor, other.id);

// A letter to the applicant: their second application (IMHS), approved to sit the exam.
const { applicationId: approvedId } = await runOrThrow(app, startApplication, inReview.actor, {
  associationId: home.id,
  frameworkId: "alliance-iecmh-e",
  categoryId: "imhs",
});
await runOrThrow(app, submitApplication, inReview.actor, { applicationId: approvedId, attests: true, signsEthics: true });
await runOrThrow(app, assignReviewer, inReview.staff.actor, {
  associationId: home.id,
  associationSlug: slug,
  applicationId: approvedId,
  reviewerUserId: inReview.reviewer.user.id,
});
const decision = { outcome: "approve-for-exam" as const, feedback: "", expectedStatus: "in-review" as const, expectedVersion: 1 };
const { letterId } = await runOrThrow(app, decideApplication, inReview.staff.actor, { associationId: home.id, applicationId: approvedId, ...decision });
const otherDocument = await upload(elsewhere.actor);

// An exam sitting of each association; at home, an examinee's Part 2 given to the assigned reviewer to rate.
const homeSitting = await buildExamSitting(app, inReview.staff.actor, home.id);
const examinee = await buildApplicationApprovedForExam(app, { associationId: home.id, name: "Eve Examinee" });
const { registrationId } = await runOrThrow(app, registerForExam, examinee.actor, {
  applicationId: examinee.applicationId,
  sittingId: homeSitting,
  accommodation: null,
});
await runOrThrow(app, recordExamPart2, inReview.staff.actor, { associationId: home.id, registrationId, answers: "Part 2 answers." });
await runOrThrow(app, recordExamPart2File, inReview.staff.actor, { associationId: home.id, registrationId, file: pdf });
const { ratingId: homeRating } = await runOrThrow(app, assignExamRater, inReview.staff.actor, {
  associationId: home.id,
  registrationId,
  reviewer: inReview.reviewer.user.id,
});
const otherSitting = await buildExamSitting(app, (await buildExamStaff(app, other.id)).actor, other.id);

// Joining is tried on an association of its own, so no row changes anyone's role in the two above.
const joinable = await buildAssociation(db);
// An advisory review the applicant asked for, with the advisor named.
const { advisoryReviewId } = await runOrThrow(app, requestAdvisoryReview, inReview.actor, {
  associationId: home.id,
  frameworkId: "alliance-iecmh-e",
  categoryId: "ifs",
  question: "Anything missing?",
});
await runOrThrow(app, assignAdvisoryReviewer, inReview.staff.actor, { advisoryReviewId, advisorUserId: advisor.id });
// The home association's signing key, as its first signed credential would make it.
await db.transaction().execute((tx) => keyOfAssociation(tx, home.id, app.services.credentialKeySecret));

const people = new Map<ActorName, { id: string }>([
  ["applicant", inReview.user],
  ["member", await buildMember(db, home.id, "member")],
  ["assigned-reviewer", inReview.reviewer.user],
  ["reviewer", await buildMember(db, home.id, "reviewer")],
  ["advisor", advisor],
  ["staff", inReview.staff.user],
  ["admin", await buildMember(db, home.id, "admin")],
  ["other-admin", await buildMember(db, other.id, "admin")],
  ["owner", await buildUser(db, { isOwner: true })],
]);

// An endorsed applicant of the home association, with the credential it earned.
const endorsedReview = await buildApplicationInReview(app, { associationId: home.id, name: "Enid Endorsed" });
await runOrThrow(app, decideApplication, endorsedReview.staff.actor, {
  associationId: home.id,
  applicationId: endorsedReview.applicationId,
  outcome: "endorse",
  feedback: "",
  expectedStatus: "in-review",
  expectedVersion: 1,
});
const { number: credentialNumber, id: credentialId } = await db
  .selectFrom("credentials")
  .select(["number", "id"])
  .where("application_id", "=", endorsedReview.applicationId)
  .executeTakeFirstOrThrow();

// An audit of Enid's hours, opened by the home association's staff.
const { auditId } = await runOrThrow(app, createHourAudit, inReview.staff.actor, {
  associationId: home.id,
  periodDue: (await db.selectFrom("credentials").select("renewal_due").where("id", "=", credentialId).executeTakeFirstOrThrow()).renewal_due,
  evidenceDue: "2099-01-01",
  instructions: "",
  selection: "picked",
  percent: null,
  people: ["Enid Endorsed"],
});
const { id: auditedId } = await db.selectFrom("hour_audit_people").select("id").where("audit_id", "=", auditId).executeTakeFirstOrThrow();

const fakeId = "00000000-0000-4000-8000-000000000000";
const file = (association: { slug: string }, applicationId: string) => `/a/${association.slug}/applications/${applicationId}`;

const rows: Row[] = [
  { route: "/", method: "GET", path: "/", expect: 200 },
  { route: "signup", method: "GET", path: "/signup", expect: { anonymous: 200, default: 302 } },
  { route: "signup", method: "POST", path: "/signup", expect: { anonymous: 400, default: 302 } },
  { route: "login", method: "GET", path: "/login", expect: { anonymous: 200, default: 302 } },
  { route: "login", method: "POST", path: "/login", expect: { anonymous: 400, default: 302 } },
  { route: "logout", method: "GET", path: "/logout", expect: 302 },
  { route: "logout", method: "POST", path: "/logout", expect: 302 },
  { route: "verify-email", method: "GET", path: "/verify-email", expect: 200 },
  { route: "verify-email", method: "POST", path: "/verify-email", expect: 400 },
  { route: "forgot-password", method: "GET", path: "/forgot-password", expect: 200 },
  { route: "forgot-password", method: "POST", path: "/forgot-password", expect: 400 },
  { route: "reset-password", method: "GET", path: "/reset-password", expect: 200 },
  { route: "reset-password", method: "POST", path: "/reset-password", expect: 400 },
  { route: "language", method: "GET", path: "/language", expect: 302 },
  { route: "language", method: "POST", path: "/language", fields: { locale: "en" }, expect: 302 },
  { route: "account", method: "GET", path: "/account", expect: { anonymous: 401, default: 200 } },

  // A portfolio is always one's own: an entry id is looked up in the asker's portfolio only.
  { route: "portfolio", method: "GET", path: "/portfolio", expect: { anonymous: 401, default: 200 } },
  {
    route: "portfolio",
    method: "POST",
    path: "/portfolio",
    fields: { intent: "delete", section: "training", entryId: "nope" },
    expect: { anonymous: 401, default: 404 },
  },
  { route: "portfolio/:section/:entryId", method: "GET", path: "/portfolio/training/new", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/:section/:entryId", method: "POST", path: "/portfolio/training/new", expect: { anonymous: 401, default: 400 } },
  {
    route: "portfolio/:section/:entryId",
    method: "GET",
    label: "the applicant's training t1",
    path: "/portfolio/training/t1",
    shows: "Infant mental health foundations",
    expect: { anonymous: 401, applicant: 200, default: 404 },
  },
  { route: "portfolio/export", method: "GET", path: "/portfolio/export", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/archive", method: "GET", path: "/portfolio/archive", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/import", method: "GET", path: "/portfolio/import", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/import", method: "POST", path: "/portfolio/import", expect: { anonymous: 401, default: 400 } },
  { route: "portfolio/references", method: "GET", path: "/portfolio/references", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/references", method: "POST", path: "/portfolio/references", expect: { anonymous: 401, default: 400 } },
  { route: "portfolio/confirm/:entryId", method: "GET", path: "/portfolio/confirm/nope", expect: { anonymous: 401, default: 404 } },
  { route: "portfolio/confirm/:entryId", method: "POST", path: "/portfolio/confirm/nope", expect: { anonymous: 401, default: 404 } },
  {
    route: "portfolio/confirm/:entryId",
    method: "GET",
    label: "the applicant's RS/C session r1",
    path: "/portfolio/confirm/r1",
    shows: "Dr. Lee",
    expect: { anonymous: 401, applicant: 200, default: 404 },
  },
  // Without a name and address: refused by the form, no mail is sent.
  {
    route: "portfolio/confirm/:entryId",
    method: "POST",
    label: "the applicant's RS/C session r1",
    path: "/portfolio/confirm/r1",
    expect: { anonymous: 401, applicant: 400, default: 404 },
  },
  { route: "portfolio/documents", method: "GET", path: "/portfolio/documents", expect: { anonymous: 401, default: 200 } },
  { route: "portfolio/documents", method: "POST", path: "/portfolio/documents", expect: { anonymous: 401, default: 400 } },
  { route: "portfolio/statement", method: "GET", path: "/portfolio/statement", expect: { anonymous: 401, default: 200 } },
  {
    route: "portfolio/reflective-supervision/series",
    method: "GET",
    path: "/portfolio/reflective-supervision/series",
    expect: { anonymous: 401, default: 200 },
  },
  {
    route: "portfolio/reflective-supervision/series",
    method: "POST",
    path: "/portfolio/reflective-supervision/series",
    expect: { anonymous: 401, default: 400 },
  },
  { route: "portfolio/statement", method: "POST", path: "/portfolio/statement", expect: { anonymous: 401, default: 400 } },

  // Documents: the owner, staff of an association they submitted to, a reviewer assigned to their application.
  {
    route: "documents/:id",
    method: "GET",
    label: "the applicant's document",
    path: `/documents/${homeDocument}`,
    expect: { anonymous: 401, applicant: 200, "assigned-reviewer": 200, staff: 200, admin: 200, default: 404 },
  },
  {
    route: "documents/:id",
    method: "GET",
    label: "the other association's applicant's document",
    path: `/documents/${otherDocument}`,
    expect: { anonymous: 401, "other-admin": 200, default: 404 },
  },
  { route: "documents/:id", method: "GET", label: "no such document", path: `/documents/${fakeId}`, expect: { anonymous: 401, default: 404 } },

  // The rater's and the provider's pages answer anyone holding the link: the token is the permission.
  { route: "r/:token", method: "GET", label: "a rater's real token", path: `/r/${rater.token}`, shows: "Reference rating for Rhea Asks", expect: 200 },
  // Saving no answers keeps an empty draft; the link stays open for the next person.
  {
    route: "r/:token",
    method: "POST",
    label: "a rater's real token",
    path: `/r/${rater.token}`,
    fields: { intent: "save" },
    shows: "Your answers are saved.",
    expect: 200,
  },
  { route: "r/:token", method: "GET", path: "/r/not-a-token", shows: "This link is not valid.", expect: 200 },
  { route: "r/:token", method: "POST", path: "/r/not-a-token", expect: 200 },
  {
    route: "v/:token",
    method: "GET",
    label: "a provider's real token",
    path: `/v/${provider.token}`,
    shows: "Please confirm an entry for Vera Asks",
    expect: 200,
  },
  // Answering closes the link, so each case answers a link of its own.
  {
    route: "v/:token",
    method: "POST",
    label: "a fresh provider's token",
    path: async () => `/v/${(await buildConfirmationRequest(app, { associationId: home.id })).token}`,
    fields: { answer: "yes" },
    shows: "Your answer is recorded.",
    expect: 200,
  },
  { route: "v/:token", method: "GET", path: "/v/not-a-token", expect: 200 },
  { route: "v/:token", method: "POST", path: "/v/not-a-token", expect: 200 },
  {
    route: "c/:token",
    method: "GET",
    label: "a provider's real token for several entries",
    path: `/c/${listProvider.token}`,
    shows: "Please confirm entries for Lena Lists",
    expect: 200,
  },
  {
    route: "c/:token",
    method: "POST",
    label: "a fresh provider's token for several entries",
    path: async () => `/c/${(await buildConfirmEntriesRequest(app, { associationId: home.id })).token}`,
    fields: { intent: "all" },
    shows: "2 of 2 confirmed",
    expect: 200,
  },
  { route: "c/:token", method: "GET", path: "/c/not-a-token", shows: "This link is not valid.", expect: 200 },
  { route: "c/:token", method: "POST", path: "/c/not-a-token", fields: { intent: "all" }, expect: 200 },

  { route: "inbox", method: "GET", path: "/inbox", expect: { anonymous: 401, default: 200 } },
  { route: "progress", method: "GET", path: "/progress", expect: { anonymous: 401, default: 200 } },
  { route: "progress", method: "POST", path: "/progress", expect: { anonymous: 401, default: 400 } },

  // An application is its applicant's; anyone else's does not exist for them.
  { route: "applications", method: "GET", path: "/applications", expect: { anonymous: 401, default: 200 } },
  { route: "applications", method: "POST", path: "/applications", fields: { intent: "apply", choice: "x|y|z" }, expect: { anonymous: 401, default: 404 } },
  {
    route: "applications/:id",
    method: "GET",
    label: "the applicant's, in review",
    path: `/applications/${inReview.applicationId}`,
    shows: "Application: Infant Family Specialist",
    expect: { anonymous: 401, applicant: 200, default: 404 },
  },
  {
    route: "applications/:id",
    method: "GET",
    label: "the other association's applicant's",
    path: `/applications/${elsewhere.applicationId}`,
    expect: { anonymous: 401, default: 404 },
  },
  // No intent: refused by the form before anything changes.
  {
    route: "applications/:id",
    method: "POST",
    label: "the applicant's, in review",
    path: `/applications/${inReview.applicationId}`,
    expect: { anonymous: 401, applicant: 400, default: 404 },
  },
  {
    route: "applications/:id",
    method: "POST",
    label: "the other association's applicant's",
    path: `/applications/${elsewhere.applicationId}`,
    expect: { anonymous: 401, default: 404 },
  },

  // A candidate's progress: the candidate, their advisor, the association's staff.
  {
    route: "candidates/:id",
    method: "GET",
    label: "the applicant's candidacy",
    path: `/candidates/${homeCandidacy}`,
    shows: "Ana Applicant",
    expect: { anonymous: 401, applicant: 200, advisor: 200, staff: 200, admin: 200, default: 404 },
  },
  {
    route: "candidates/:id",
    method: "GET",
    label: "the other association's candidacy",
    path: `/candidates/${otherCandidacy}`,
    shows: "Olga Elsewhere",
    expect: { anonymous: 401, "other-admin": 200, default: 404 },
  },
  { route: "candidates/:id", method: "GET", label: "no such candidacy", path: `/candidates/${fakeId}`, expect: { anonymous: 401, default: 404 } },

  { route: "owner/associations", method: "GET", path: "/owner/associations", expect: { anonymous: 401, owner: 200, default: 403 } },
  { route: "owner/associations", method: "POST", path: "/owner/associations", expect: { anonymous: 401, owner: 400, default: 403 } },
  { route: "owner/associations/:slug", method: "GET", path: `/owner/associations/${slug}`, expect: { anonymous: 401, owner: 200, default: 403 } },
  { route: "owner/associations/:slug", method: "POST", path: `/owner/associations/${slug}`, expect: { anonymous: 401, owner: 400, default: 403 } },
  { route: "a/:slug", method: "GET", path: `/a/${slug}`, expect: 200 },
  // Anyone signed in may join as a member; then they are sent to their progress.
  { route: "a/:slug", method: "POST", label: "an association nobody belongs to", path: `/a/${joinable.slug}`, expect: { anonymous: 401, default: 302 } },

  // Staff pages: the association's staff and admins (and the owner); reviewers and members are refused.
  { route: "a/:slug/people", method: "GET", path: `/a/${slug}/people`, expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 } },
  { route: "a/:slug/people", method: "POST", path: `/a/${slug}/people`, expect: { anonymous: 401, admin: 400, owner: 400, default: 403 } },
  {
    route: "a/:slug/candidates",
    method: "GET",
    path: `/a/${slug}/candidates`,
    shows: "Ana Applicant",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  { route: "a/:slug/candidates", method: "POST", path: `/a/${slug}/candidates`, expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 } },
  // An advisor for the other association's candidate, asked through the home association's page: refused.
  {
    route: "a/:slug/candidates",
    method: "POST",
    label: "the other association's candidacy",
    path: `/a/${slug}/candidates`,
    fields: { candidacyId: otherCandidacy, advisorEmail: advisor.email },
    expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 },
  },
  {
    route: "a/:slug/applications",
    method: "GET",
    path: `/a/${slug}/applications`,
    shows: "Ana Applicant",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  {
    route: "a/:slug/applications",
    method: "POST",
    path: `/a/${slug}/applications`,
    expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 },
  },
  // The other association's fee, marked through the home association's page: refused.
  {
    route: "a/:slug/applications",
    method: "POST",
    label: "the other association's application",
    path: `/a/${slug}/applications`,
    fields: { intent: "fee", applicationId: elsewhere.applicationId },
    expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 },
  },

  // The frozen file: the association's staff and the reviewers assigned to it; anyone else is told it does not exist.
  {
    route: "a/:slug/applications/:id",
    method: "GET",
    label: "the applicant's, in review",
    path: file(home, inReview.applicationId),
    shows: "Ana Applicant",
    expect: { anonymous: 401, "assigned-reviewer": 200, staff: 200, admin: 200, default: 404 },
  },
  {
    route: "a/:slug/applications/:id",
    method: "GET",
    label: "a draft (no file yet)",
    path: file(home, homeDraft.applicationId),
    expect: { anonymous: 401, default: 404 },
  },
  {
    route: "a/:slug/applications/:id",
    method: "GET",
    label: "the other association's, under the home address",
    path: file(home, elsewhere.applicationId),
    expect: { anonymous: 401, default: 404 },
  },
  {
    route: "a/:slug/applications/:id",
    method: "GET",
    label: "the other association's, under its own address",
    path: file(other, elsewhere.applicationId),
    shows: "Olga Elsewhere",
    expect: { anonymous: 401, "other-admin": 200, default: 404 },
  },
  { route: "a/:slug/applications/:id", method: "GET", label: "no such application", path: file(home, fakeId), expect: { anonymous: 401, default: 404 } },
  // Recusing: only the assigned reviewer gets past the empty reason; staff read the file, so theirs is a form error too.
  {
    route: "a/:slug/applications/:id",
    method: "POST",
    label: "recuse without a reason",
    path: file(home, inReview.applicationId),
    expect: { anonymous: 401, "assigned-reviewer": 400, staff: 400, admin: 400, default: 404 },
  },
  // The audit trail as CSV: the association's staff only, not the reviewers who read the file.
  {
    route: "a/:slug/applications/:id/audit.csv",
    method: "GET",
    label: "the applicant's, in review",
    path: `${file(home, inReview.applicationId)}/audit.csv`,
    shows: "application.submitted",
    expect: { anonymous: 401, staff: 200, admin: 200, default: 404 },
  },
  {
    route: "a/:slug/applications/:id/audit.csv",
    method: "GET",
    label: "the other association's, under the home address",
    path: `${file(home, elsewhere.applicationId)}/audit.csv`,
    expect: { anonymous: 401, default: 404 },
  },
  // Advisory reviews: every member asks for their own; the advisor and the association's staff read the live portfolio.
  { route: "advisory", method: "GET", path: "/advisory", expect: { anonymous: 401, default: 200 } },
  { route: "advisory", method: "POST", path: "/advisory", fields: { choice: "x|y|z" }, expect: { anonymous: 401, default: 404 } },
  {
    route: "advisory/:id",
    method: "GET",
    path: `/advisory/${advisoryReviewId}`,
    shows: "Anything missing?",
    expect: { anonymous: 401, advisor: 200, staff: 200, admin: 200, default: 404 },
  },
  { route: "advisory/:id", method: "GET", label: "no such review", path: `/advisory/${fakeId}`, expect: { anonymous: 401, default: 404 } },
  {
    route: "advisory/:id",
    method: "POST",
    path: `/advisory/${advisoryReviewId}`,
    expect: { anonymous: 401, advisor: 400, staff: 400, admin: 400, default: 404 },
  },
  {
    route: "a/:slug/advisory",
    method: "GET",
    path: `/a/${slug}/advisory`,
    shows: "Ana Applicant",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  { route: "a/:slug/advisory", method: "POST", path: `/a/${slug}/advisory`, expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 } },
  // A reviewer's declared conflicts: their own, in an association where they review.
  {
    route: "a/:slug/conflicts",
    method: "GET",
    path: `/a/${slug}/conflicts`,
    shows: "My conflicts of interest",
    expect: { anonymous: 401, "assigned-reviewer": 200, reviewer: 200, advisor: 200, default: 403 },
  },
  {
    route: "a/:slug/conflicts",
    method: "POST",
    path: `/a/${slug}/conflicts`,
    expect: { anonymous: 401, "assigned-reviewer": 400, reviewer: 400, advisor: 400, default: 403 },
  },
  {
    route: "a/:slug/conflicts",
    method: "GET",
    label: "no such association",
    path: "/a/no-such-association/conflicts",
    expect: { anonymous: 401, default: 404 },
  },

  // A reviewer's profile (decision 026): the association's staff read and set it; another association's reviewer is not found.
  {
    route: "a/:slug/reviewers/:userId",
    method: "GET",
    path: `/a/${slug}/reviewers/${inReview.reviewer.user.id}`,
    shows: "Most open applications at once",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  {
    route: "a/:slug/reviewers/:userId",
    method: "POST",
    path: `/a/${slug}/reviewers/${inReview.reviewer.user.id}`,
    expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 },
  },
  {
    route: "a/:slug/reviewers/:userId",
    method: "GET",
    label: "a person who is not the association's reviewer",
    path: `/a/${slug}/reviewers/${inReview.user.id}`,
    expect: { anonymous: 401, staff: 404, admin: 404, owner: 404, default: 403 },
  },

  // The reviewer's checklist is theirs alone (staff included get 404); staff compare the submitted reviews.
  {
    route: "a/:slug/applications/:id/review",
    method: "GET",
    path: `${file(home, inReview.applicationId)}/review`,
    shows: "Requirements",
    expect: { anonymous: 401, "assigned-reviewer": 200, default: 404 },
  },
  {
    route: "a/:slug/applications/:id/review",
    method: "POST",
    label: "a form without its intent",
    path: `${file(home, inReview.applicationId)}/review`,
    expect: { anonymous: 401, "assigned-reviewer": 400, default: 404 },
  },
  {
    route: "a/:slug/applications/:id/review",
    method: "GET",
    label: "the other association's, under its own address",
    path: `${file(other, elsewhere.applicationId)}/review`,
    expect: { anonymous: 401, default: 404 },
  },
  {
    route: "a/:slug/applications/:id/reviews",
    method: "GET",
    path: `${file(home, inReview.applicationId)}/reviews`,
    shows: "Reviews side by side",
    expect: { anonymous: 401, staff: 200, admin: 200, default: 404 },
  },
  {
    route: "a/:slug/applications/:id/reviews",
    method: "GET",
    label: "the other association's, under the home address",
    path: `${file(home, elsewhere.applicationId)}/reviews`,
    expect: { anonymous: 401, default: 404 },
  },
  {
    route: "a/:slug/applications/:id/reviews",
    method: "GET",
    label: "the other association's, under its own address",
    path: `${file(other, elsewhere.applicationId)}/reviews`,
    shows: "Reviews side by side",
    expect: { anonymous: 401, "other-admin": 200, default: 404 },
  },
  // Exam sittings: the association's staff (and the owner); a sitting of another association is not found through this one.
  {
    route: "a/:slug/exams",
    method: "GET",
    path: `/a/${slug}/exams`,
    shows: "Exam sittings",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  { route: "a/:slug/exams", method: "POST", path: `/a/${slug}/exams`, expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 } },
  {
    route: "a/:slug/exams/:sittingId",
    method: "GET",
    path: `/a/${slug}/exams/${homeSitting}`,
    shows: "Eve Examinee",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  {
    route: "a/:slug/exams/:sittingId",
    method: "GET",
    label: "the other association's sitting",
    path: `/a/${slug}/exams/${otherSitting}`,
    expect: { anonymous: 401, staff: 404, admin: 404, owner: 404, default: 403 },
  },
  // No intent: refused before anything changes.
  {
    route: "a/:slug/exams/:sittingId",
    method: "POST",
    path: `/a/${slug}/exams/${homeSitting}`,
    expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 },
  },
  // Exam ratings: only the rater assigned; everyone else, staff included, finds nothing.
  { route: "exam-ratings", method: "GET", path: "/exam-ratings", shows: "Exam ratings", expect: { anonymous: 401, default: 200 } },
  {
    route: "exam-ratings/:ratingId",
    method: "GET",
    label: "the assigned reviewer's rating",
    path: `/exam-ratings/${homeRating}`,
    shows: "Part 2 answers.",
    expect: { anonymous: 401, "assigned-reviewer": 200, default: 404 },
  },
  {
    route: "exam-ratings/:ratingId",
    method: "POST",
    label: "the assigned reviewer's rating",
    path: `/exam-ratings/${homeRating}`,
    expect: { anonymous: 401, "assigned-reviewer": 400, default: 404 },
  },
  { route: "exam-ratings/:ratingId", method: "GET", label: "no such rating", path: `/exam-ratings/${fakeId}`, expect: { anonymous: 401, default: 404 } },
  {
    route: "exam-ratings/:ratingId/part-2",
    method: "GET",
    label: "the assigned reviewer's scan",
    path: `/exam-ratings/${homeRating}/part-2`,
    expect: { anonymous: 401, "assigned-reviewer": 200, default: 404 },
  },
  // Deciding: the form is read before anything changes, so those who read the file get its error; the others do not find it.
  {
    route: "a/:slug/applications/:id",
    method: "POST",
    label: "decide without an outcome",
    path: file(home, inReview.applicationId),
    fields: { intent: "decide", expectedStatus: "in-review", expectedVersion: "1" },
    expect: { anonymous: 401, "assigned-reviewer": 400, staff: 400, admin: 400, default: 404 },
  },
  // A letter, as a PDF: its applicant and the association's staff; anyone else does not find it.
  {
    route: "applications/:id/letters/:letterId",
    method: "GET",
    label: "the applicant's letter",
    path: `/applications/${approvedId}/letters/${letterId}`,
    expect: { anonymous: 401, applicant: 200, staff: 200, admin: 200, default: 404 },
  },
  {
    route: "applications/:id/letters/:letterId",
    method: "GET",
    label: "the letter under another application",
    path: `/applications/${elsewhere.applicationId}/letters/${letterId}`,
    expect: { anonymous: 401, default: 404 },
  },
  {
    route: "applications/:id/letters/:letterId",
    method: "GET",
    label: "no such letter",
    path: `/applications/${approvedId}/letters/${fakeId}`,
    expect: { anonymous: 401, default: 404 },
  },
  // The association's wording of its letters: its staff (and the installation's owner, as for its other staff pages).
  {
    route: "a/:slug/letters",
    method: "GET",
    path: `/a/${slug}/letters`,
    shows: "Letter texts",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  { route: "a/:slug/letters", method: "POST", path: `/a/${slug}/letters`, expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 } },
  { route: "a/:slug/letters", method: "GET", label: "no such association", path: "/a/no-such-association/letters", expect: { anonymous: 401, default: 404 } },
  // The association's renewal cycle: its staff (and the installation's owner).
  {
    route: "a/:slug/renewal-cycle",
    method: "GET",
    path: `/a/${slug}/renewal-cycle`,
    shows: "Renewal cycle",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  {
    route: "a/:slug/renewal-cycle",
    method: "POST",
    path: `/a/${slug}/renewal-cycle`,
    expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 },
  },
  {
    route: "a/:slug/renewal-cycle",
    method: "GET",
    label: "no such association",
    path: "/a/no-such-association/renewal-cycle",
    expect: { anonymous: 401, default: 404 },
  },
  {
    route: "a/:slug/certificate-settings",
    method: "GET",
    path: `/a/${slug}/certificate-settings`,
    shows: "Certificates and LinkedIn",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  {
    route: "a/:slug/certificate-settings",
    method: "POST",
    path: `/a/${slug}/certificate-settings`,
    expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 },
  },
  {
    route: "a/:slug/certificate-settings",
    method: "GET",
    label: "no such association",
    path: "/a/no-such-association/certificate-settings",
    expect: { anonymous: 401, default: 404 },
  },
  // Audits of reported hours: the association's staff (and the installation's owner); each audited person sees only their own part.
  {
    route: "a/:slug/audits",
    method: "GET",
    path: `/a/${slug}/audits`,
    shows: "Audits of reported hours",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  { route: "a/:slug/audits", method: "POST", path: `/a/${slug}/audits`, expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 } },
  { route: "a/:slug/audits", method: "GET", label: "no such association", path: "/a/no-such-association/audits", expect: { anonymous: 401, default: 404 } },
  {
    route: "a/:slug/audits/:auditId",
    method: "GET",
    path: `/a/${slug}/audits/${auditId}`,
    shows: "Enid Endorsed",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  {
    route: "a/:slug/audits/:auditId",
    method: "POST",
    path: `/a/${slug}/audits/${auditId}`,
    expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 },
  },
  {
    route: "a/:slug/audits/:auditId",
    method: "GET",
    label: "another association's audit",
    path: `/a/${other.slug}/audits/${auditId}`,
    expect: { anonymous: 401, "other-admin": 404, owner: 404, default: 403 },
  },
  {
    route: "a/:slug/audits/:auditId",
    method: "GET",
    label: "no such audit",
    path: `/a/${slug}/audits/${fakeId}`,
    expect: { anonymous: 401, staff: 404, admin: 404, owner: 404, default: 403 },
  },
  { route: "audits/:auditedId", method: "GET", label: "another person's", path: `/audits/${auditedId}`, expect: { anonymous: 401, default: 404 } },
  {
    route: "audits/:auditedId",
    method: "POST",
    label: "another person's",
    path: `/audits/${auditedId}`,
    fields: { until: "2099-02-01", reason: "More time" },
    expect: { anonymous: 401, default: 404 },
  },
  // The association's public signing key, for anyone verifying its credentials.
  { route: "a/:slug/keys", method: "GET", path: `/a/${slug}/keys`, shows: "publicKeyMultibase", expect: 200 },
  { route: "a/:slug/keys", method: "GET", label: "no such association", path: "/a/no-such-association/keys", expect: 404 },
  // The association's status lists, for anyone checking one of its badges.
  { route: "a/:slug/status/:purpose", method: "GET", path: `/a/${slug}/status/revocation`, shows: "BitstringStatusListCredential", expect: 200 },
  { route: "a/:slug/status/:purpose", method: "GET", label: "no such purpose", path: `/a/${slug}/status/other`, expect: 404 },
  // The association's credentials and the staff actions on one: its staff (and the installation's owner).
  {
    route: "a/:slug/credentials",
    method: "GET",
    path: `/a/${slug}/credentials`,
    shows: "Enid Endorsed",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  {
    route: "a/:slug/credentials",
    method: "GET",
    label: "no such association",
    path: "/a/no-such-association/credentials",
    expect: { anonymous: 401, default: 404 },
  },
  {
    route: "a/:slug/credentials/:id",
    method: "GET",
    path: `/a/${slug}/credentials/${credentialId}`,
    shows: "Enid Endorsed",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  {
    route: "a/:slug/credentials/:id",
    method: "POST",
    path: `/a/${slug}/credentials/${credentialId}`,
    expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 },
  },
  {
    route: "a/:slug/credentials/:id",
    method: "GET",
    label: "no such credential",
    path: `/a/${slug}/credentials/${fakeId}`,
    expect: { anonymous: 401, staff: 404, admin: 404, owner: 404, default: 403 },
  },

  // Credentials: each person's own list; the verification page is public.
  { route: "credentials", method: "GET", path: "/credentials", expect: { anonymous: 401, default: 200 } },
  { route: "credentials", method: "POST", path: "/credentials", expect: { anonymous: 401, default: 400 } },
  {
    route: "credentials/:id/badge",
    method: "GET",
    label: "another person's",
    path: `/credentials/${credentialId}/badge`,
    expect: { anonymous: 401, default: 404 },
  },
  // Renewal and reinstatement: the holder's own forms only (Enid's credential is no one else's here).
  {
    route: "credentials/:id/renew",
    method: "GET",
    label: "another person's",
    path: `/credentials/${credentialId}/renew`,
    expect: { anonymous: 401, default: 404 },
  },
  {
    route: "credentials/:id/renew",
    method: "POST",
    label: "another person's",
    path: `/credentials/${credentialId}/renew`,
    expect: { anonymous: 401, default: 404 },
  },
  {
    route: "credentials/:id/reinstate",
    method: "GET",
    label: "another person's",
    path: `/credentials/${credentialId}/reinstate`,
    expect: { anonymous: 401, default: 404 },
  },
  {
    route: "credentials/:id/reinstate",
    method: "POST",
    label: "another person's",
    path: `/credentials/${credentialId}/reinstate`,
    expect: { anonymous: 401, default: 404 },
  },
  // The association's renewals: its staff (and the installation's owner).
  {
    route: "a/:slug/renewals",
    method: "GET",
    path: `/a/${slug}/renewals`,
    shows: "Renewals",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  { route: "a/:slug/renewals", method: "GET", label: "no such association", path: "/a/no-such-association/renewals", expect: { anonymous: 401, default: 404 } },
  {
    route: "a/:slug/renewals/:credentialId",
    method: "GET",
    path: `/a/${slug}/renewals/${credentialId}`,
    shows: "Enid Endorsed",
    expect: { anonymous: 401, staff: 200, admin: 200, owner: 200, default: 403 },
  },
  {
    route: "a/:slug/renewals/:credentialId",
    method: "POST",
    path: `/a/${slug}/renewals/${credentialId}`,
    expect: { anonymous: 401, staff: 400, admin: 400, owner: 400, default: 403 },
  },
  {
    route: "a/:slug/renewals/:credentialId",
    method: "GET",
    label: "no such credential",
    path: `/a/${slug}/renewals/${fakeId}`,
    expect: { anonymous: 401, staff: 404, admin: 404, owner: 404, default: 403 },
  },
  {
    route: "credentials/record/:associationSlug",
    method: "GET",
    label: "an association the user holds no credential with",
    path: `/credentials/record/${slug}`,
    expect: { anonymous: 401, default: 404 },
  },
  {
    route: "credentials/:id/certificate",
    method: "GET",
    label: "another person's",
    path: `/credentials/${credentialId}/certificate`,
    expect: { anonymous: 401, default: 404 },
  },
  // Open to anyone: the holders who chose to be listed (none in this fixture), never anyone's email.
  { route: "a/:slug/registry", method: "GET", path: `/a/${slug}/registry`, shows: "endorsed professionals", expect: 200 },
  { route: "a/:slug/registry", method: "GET", label: "no such association", path: "/a/no-such-association/registry", expect: 404 },
  { route: "verify", method: "GET", path: "/verify", shows: "Credential number", expect: 200 },
  { route: "verify", method: "GET", label: "a number typed", path: `/verify?number=${credentialNumber}`, expect: 302 },
  { route: "verify", method: "GET", label: "not a number", path: "/verify?number=hello", expect: 400 },
  { route: "verify/:number", method: "GET", path: `/verify/${credentialNumber}`, shows: "Enid Endorsed", expect: 200 },
  { route: "verify/:number", method: "GET", label: "no such credential", path: "/verify/XX-IFS-2026-0001", expect: 404 },
  { route: "dev/mail", method: "GET", path: "/dev/mail", expect: { anonymous: 401, owner: 200, default: 403 } },
  { route: "healthz", method: "GET", path: "/healthz", expect: 200 },
  { route: "*", method: "GET", path: "/no/such/page", expect: 404 },
  { route: "*", method: "POST", path: "/no/such/page", expect: 404 },
];

/** A fresh browser per case, so a log-out in one case cannot change the next. */
async function clientFor(actor: ActorName): Promise<HttpClient> {
  const client = await app.client();
  const person = people.get(actor);
  if (person) await signIn(db, client, person.id);
  return client;
}

function expected(expectation: Expectation, actor: ActorName): number {
  if (typeof expectation === "number") return expectation;
  const status = expectation[actor] ?? expectation.default;
  if (status === undefined) throw new Error(`No expectation for ${actor}`);
  return status;
}

describe("every route answers each kind of person as its policy says", () => {
  it("the table covers every route of app/routes.ts", () => {
    const declared = routes.map((route) => route.path ?? "/");
    expect(new Set(rows.map((row) => row.route))).toEqual(new Set(declared));
  });

  it("has a person for every signed-in kind, each a different person", () => {
    expect([...people.keys()].sort()).toEqual(actors.filter((actor) => actor !== "anonymous").sort());
    expect(new Set([...people.values()].map((person) => person.id)).size).toBe(people.size);
  });

  for (const row of rows) {
    const name = row.label ? `${row.route} (${row.label})` : typeof row.path === "string" ? row.path : row.route;
    it.each(actors)(`${row.method} ${name} as %s`, async (actor) => {
      const client = await clientFor(actor);
      const path = typeof row.path === "string" ? row.path : await row.path();
      const page = row.method === "GET" ? await client.get(path) : await client.post(path, row.fields ?? {});
      expect(page.status).toBe(expected(row.expect, actor));
      if (page.status === 200 && row.shows) expect(page.text).toContain(row.shows);
    });
  }
});
