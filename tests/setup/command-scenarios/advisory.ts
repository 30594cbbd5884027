import { assignAdvisoryReviewer } from "../../../src/commands/assign-advisory-reviewer.ts";
import { commentOnPortfolio } from "../../../src/commands/comment-on-portfolio.ts";
import { requestAdvisoryReview } from "../../../src/commands/request-advisory-review.ts";
import { buildApplicant, buildStaffAndReviewer, runOrThrow } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

async function requested(app: Parameters<Scenario>[0]) {
  const applicant = await buildApplicant(app, { meets: "ifs" });
  const { staff, reviewer } = await buildStaffAndReviewer(app, applicant.associationId);
  const { advisoryReviewId } = await runOrThrow(app, requestAdvisoryReview, applicant.actor, {
    associationId: applicant.associationId,
    frameworkId: "alliance-iecmh-e",
    categoryId: "ifs",
    question: "",
  });
  return { applicant, staff, reviewer, advisoryReviewId };
}

async function assigned(app: Parameters<Scenario>[0]) {
  const state = await requested(app);
  await runOrThrow(app, assignAdvisoryReviewer, state.staff.actor, {
    advisoryReviewId: state.advisoryReviewId,
    advisorUserId: state.reviewer.user.id,
  });
  return state;
}

/** Advisory reviews: asked for, an advisor named, comments on the portfolio, done marks, completion. */
export const advisoryScenarios: Record<string, Scenario> = {
  "advisory.requested": async (app) => {
    const applicant = await buildApplicant(app);
    return {
      actor: applicant.actor,
      input: { associationId: applicant.associationId, frameworkId: "alliance-iecmh-e", categoryId: "ifs", question: "Where do I stand?" },
    };
  },
  "advisory.advisor-assigned": async (app) => {
    const { staff, reviewer, advisoryReviewId } = await requested(app);
    return { actor: staff.actor, input: { advisoryReviewId, advisorUserId: reviewer.user.id } };
  },
  "advisory.commented": async (app) => {
    const { reviewer, advisoryReviewId } = await assigned(app);
    return { actor: reviewer.actor, input: { advisoryReviewId, section: "training", body: "Add the DEI topic." } };
  },
  "advisory.comment-done": async (app) => {
    const { applicant, reviewer, advisoryReviewId } = await assigned(app);
    const { commentId } = await runOrThrow(app, commentOnPortfolio, reviewer.actor, {
      advisoryReviewId,
      section: "work",
      body: "Name your supervisor.",
    });
    return { actor: applicant.actor, input: { commentId, done: true } };
  },
  "advisory.completed": async (app) => {
    const { reviewer, advisoryReviewId } = await assigned(app);
    return { actor: reviewer.actor, input: { advisoryReviewId, hours: 1 } };
  },
};
