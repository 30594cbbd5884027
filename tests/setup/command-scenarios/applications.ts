import { person, systemActor } from "../../../src/policies/actor.ts";
import { buildMember, buildUser } from "../builders.ts";
import { enrolCandidate } from "../../../src/commands/enrol-candidate.ts";
import {
  buildAllianceAssociation,
  buildApplicant,
  buildAssociationOf,
  buildApplicationInReview,
  buildDraftApplication,
  buildStaffAndReviewer,
  buildSubmittedApplication,
  runOrThrow,
} from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** Applications, candidacies and associations. */
export const applicationScenarios: Record<string, Scenario> = {
  "application.started": async (app) => {
    const applicant = await buildApplicant(app, { meets: "ifs" });
    return { actor: applicant.actor, input: { associationId: applicant.associationId, frameworkId: "alliance-iecmh-e", categoryId: "ifs" } };
  },
  "application.submitted": async (app) => {
    const draft = await buildDraftApplication(app);
    return { actor: draft.actor, input: { applicationId: draft.applicationId, attests: true, signsEthics: true } };
  },
  "application.withdrawn": async (app) => {
    const submitted = await buildSubmittedApplication(app);
    return { actor: submitted.actor, input: { applicationId: submitted.applicationId } };
  },
  "application.reviewer-assigned": async (app) => {
    const submitted = await buildSubmittedApplication(app);
    const { staff, reviewer } = await buildStaffAndReviewer(app, submitted.associationId);
    return {
      actor: staff.actor,
      input: { associationId: submitted.associationId, associationSlug: "x", applicationId: submitted.applicationId, reviewerUserId: reviewer.user.id },
    };
  },
  "reviewer-profile.set": async (app) => {
    const submitted = await buildSubmittedApplication(app);
    const { staff, reviewer } = await buildStaffAndReviewer(app, submitted.associationId);
    const profile = { frameworkId: "alliance-iecmh-e", categoryId: "imhs", heldSince: "2020-01-01", maxOpen: 3, unavailable: [] };
    return { actor: staff.actor, input: { associationId: submitted.associationId, userId: reviewer.user.id, ...profile } };
  },
  "application.fee-paid": async (app) => {
    const review = await buildApplicationInReview(app);
    return { actor: review.staff.actor, input: { associationId: review.associationId, applicationId: review.applicationId } };
  },
  "application.transcripts-received": async (app) => {
    const draft = await buildDraftApplication(app);
    const { staff } = await buildStaffAndReviewer(app, draft.associationId);
    return { actor: staff.actor, input: { associationId: draft.associationId, applicationId: draft.applicationId } };
  },
  "candidacy.enrolled": async (app) => {
    const association = await buildAssociationOf(app, "california-ifecmh");
    const applicant = await buildApplicant(app, { associationId: association.id });
    return { actor: applicant.actor, input: { associationId: association.id, frameworkId: "california-ifecmh", categoryId: candidacyCategory(app) } };
  },
  "candidacy.advisor-assigned": async (app) => {
    const { candidacyId, associationId } = await buildCandidacy(app);
    const { staff, reviewer } = await buildStaffAndReviewer(app, associationId);
    return { actor: staff.actor, input: { candidacyId, advisorEmail: reviewer.user.email } };
  },
  "candidacy.reminded": async (app) => {
    const { candidacyId } = await buildCandidacy(app);
    return { actor: systemActor("test"), input: { candidacyId, nth: 1 } };
  },
  "association.created": async () => ({
    actor: systemActor("test"),
    input: {
      name: "Ohio IMH",
      slug: `ohio-${Date.now()}`,
      locale: "en",
      timeZone: "America/New_York",
      contactEmail: "office@ohio.example.org",
      contactPhone: null,
      website: null,
      frameworks: ["alliance-iecmh-e"],
    },
  }),
  "association.updated": async (app) => {
    const association = await buildAllianceAssociation(app);
    const owner = await buildUser(app.services.db, { isOwner: true });
    return {
      actor: person(owner.id, [], true),
      input: {
        associationId: association.id,
        name: "Renamed",
        slug: association.slug,
        locale: "es",
        timeZone: "America/Chicago",
        contactEmail: "new@example.org",
        contactPhone: null,
        website: null,
        frameworks: [],
      },
    };
  },
  "role.granted": async (app) => {
    const association = await buildAllianceAssociation(app);
    const admin = await buildMember(app.services.db, association.id, "admin");
    const someone = await buildUser(app.services.db);
    return { actor: person(admin.id), input: { associationId: association.id, email: someone.email, role: "reviewer" } };
  },
  "role.revoked": async (app) => {
    const association = await buildAllianceAssociation(app);
    const admin = await buildMember(app.services.db, association.id, "admin");
    const reviewer = await buildMember(app.services.db, association.id, "reviewer");
    return { actor: person(admin.id), input: { associationId: association.id, userId: reviewer.id, role: "reviewer" } };
  },
  "membership.joined": async (app) => {
    const association = await buildAllianceAssociation(app);
    const someone = await buildUser(app.services.db);
    return { actor: person(someone.id), input: { associationId: association.id } };
  },
};

/** The first California category that offers candidate status. */
function candidacyCategory(app: Parameters<Scenario>[0]) {
  const framework = app.services.frameworks.find((candidate) => candidate.id === "california-ifecmh")!;
  return framework.categories.find((category) => category.candidateStatusYears !== undefined)!.id;
}

async function buildCandidacy(app: Parameters<Scenario>[0]) {
  const association = await buildAssociationOf(app, "california-ifecmh");
  const applicant = await buildApplicant(app, { associationId: association.id });
  const { candidacyId } = await runOrThrow(app, enrolCandidate, applicant.actor, {
    associationId: association.id,
    frameworkId: "california-ifecmh",
    categoryId: candidacyCategory(app),
  });
  return { candidacyId, associationId: association.id };
}
