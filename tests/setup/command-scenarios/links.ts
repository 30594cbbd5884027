import { systemActor } from "../../../src/policies/actor.ts";
import { allianceRatingItems, buildConfirmEntriesRequest, buildConfirmationRequest, buildReferenceRequest } from "../link-builders.ts";
import { buildApplicant } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** References and confirmations: what applicants ask, and what raters, providers and supervisors do through their links. */
export const linkScenarios: Record<string, Scenario> = {
  "reference.requested": async (app) => {
    const applicant = await buildApplicant(app);
    return {
      actor: applicant.actor,
      input: {
        raterName: "Rae Rater",
        raterEmail: "rae@example.org",
        role: "supervisor",
        frameworkId: "alliance-iecmh-e",
        categoryId: "ifs",
        associationId: applicant.associationId,
        waived: false,
        locale: "en",
      },
    };
  },
  "reference.reminded": async (app) => {
    const { linkId } = await buildReferenceRequest(app);
    return { actor: systemActor("test"), input: { linkId, nth: 1 } };
  },
  "reference.draft-saved": async (app) => {
    const { holder } = await buildReferenceRequest(app);
    return { actor: holder, input: { answers: { "theoretical-foundations": "3" } } };
  },
  "reference.submitted": async (app) => {
    const { holder } = await buildReferenceRequest(app);
    return { actor: holder, input: { answers: Object.fromEntries(allianceRatingItems(app).map((item) => [item, "4"])) } };
  },
  "confirmation.requested": async (app) => {
    const applicant = await buildApplicant(app, { meets: "ifs" });
    return {
      actor: applicant.actor,
      input: { entryId: "r1", name: "Dr. Lee", email: "lee@example.org", summary: "I received it · 2024-06-01 · 12 h", locale: "en" },
    };
  },
  "confirmation.answered": async (app) => {
    const { holder } = await buildConfirmationRequest(app);
    return { actor: holder, input: { confirmed: true, comment: "" } };
  },
  "confirmations.requested": async (app) => {
    const applicant = await buildApplicant(app, { meets: "ifs" });
    return { actor: applicant.actor, input: { entryId: "r1", name: "Dr. Lee", email: "lee@example.org", locale: "en" } };
  },
  "confirmations.answered": async (app) => {
    const { holder } = await buildConfirmEntriesRequest(app);
    return {
      actor: holder,
      input: {
        answers: [
          { entryId: "r1", confirmed: true, comment: "" },
          { entryId: "r2", confirmed: false, comment: "It was 10 hours." },
        ],
      },
    };
  },
  "confirmations.reminded": async (app) => {
    const { linkId } = await buildConfirmEntriesRequest(app);
    return { actor: systemActor("test"), input: { linkId, nth: 1 } };
  },
};
