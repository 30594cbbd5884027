import { declareConflict } from "../../../src/commands/declare-conflict.ts";
import { buildApplicationInReview, buildStaffAndReviewer, buildAllianceAssociation, runOrThrow } from "../state-builders.ts";
import type { Scenario } from "./scenario.ts";

/** Conflicts of interest: a reviewer declares and removes them, and recuses from an assignment. */
export const conflictScenarios: Record<string, Scenario> = {
  "reviewer.conflict-declared": async (app) => {
    const association = await buildAllianceAssociation(app);
    const { reviewer } = await buildStaffAndReviewer(app, association.id);
    return {
      actor: reviewer.actor,
      input: { associationId: association.id, kind: "employer", value: "Family Start", reason: "I worked there until last year." },
    };
  },
  "reviewer.conflict-removed": async (app) => {
    const association = await buildAllianceAssociation(app);
    const { reviewer } = await buildStaffAndReviewer(app, association.id);
    const input = { associationId: association.id, kind: "person", value: "Rosa Martínez", reason: "My sister-in-law." } as const;
    const { id } = await runOrThrow(app, declareConflict, reviewer.actor, input);
    return { actor: reviewer.actor, input: { associationId: association.id, conflictId: id } };
  },
  "application.reviewer-recused": async (app) => {
    const review = await buildApplicationInReview(app);
    return { actor: review.reviewer.actor, input: { applicationId: review.applicationId, reason: "I supervised her at a previous job." } };
  },
};
