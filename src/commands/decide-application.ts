import { z } from "zod";
import { updateApplicationStatus } from "../data/applications.ts";
import { findAssociationById } from "../data/associations.ts";
import { decisionWindows } from "../domain/decision-windows.ts";
import { hasPassedExam } from "../data/exams.ts";
import { decidableOutcomes } from "../domain/decidable-outcomes.ts";
import { outcomeStatus } from "../domain/review-outcomes.ts";
import { decisionForm } from "../forms/decision-forms.ts";
import { applicationPolicy } from "../policies/application.ts";
import { defineCommand, done, refuse } from "./define-command.ts";
import { assertApplicationTransition, lockApplication } from "./guards/lock-application.ts";
import { findCategory } from "./shared/find-category.ts";
import { issueCredential } from "./shared/issue-credential.ts";
import { issueLetter } from "./shared/issue-letter.ts";

/**
 * Staff decide the outcome of a review: among the framework's outcomes open for the category in the
 * application's status, on the status and version of the file they saw (two staff deciding at once:
 * the first wins, the second is told what it is now). The status moves along the lifecycle, the
 * windows the outcome opens are set, "endorse" issues the credential, and the applicant gets the
 * outcome's letter.
 */
export const decideApplication = defineCommand({
  name: "application.decided",
  actors: ["person"],
  input: z.object({ associationId: z.string(), applicationId: z.string() }).and(decisionForm),
  async run(scope) {
    const { tx, actor, input, now, context } = scope;
    const application = await lockApplication(tx, input.applicationId);
    if (application.association_id !== input.associationId || !applicationPolicy.decide(actor, application)) refuse({ form: "portfolio.notFound" });
    if (application.status !== input.expectedStatus || application.file_version !== input.expectedVersion) {
      refuse({ form: application.status === input.expectedStatus ? "decision.resubmittedMeanwhile" : `decision.meanwhile.${application.status}` });
    }
    const { framework, category } = findCategory(context, application.framework_id, application.category_id);
    const examPassed = application.status === "exam" && (await hasPassedExam(tx, application.id));
    if (!decidableOutcomes(category, application.status, examPassed).includes(input.outcome)) refuse({ outcome: "decision.outcomeNotOpen" });
    if (input.outcome === "defer" && input.feedback === "") refuse({ feedback: "decision.feedbackRequired" });
    const to = outcomeStatus[input.outcome];
    const move = assertApplicationTransition(application, to, { outcome: "decision.outcomeNotOpen" });
    const association = (await findAssociationById(tx, application.association_id)) ?? refuse({ form: "portfolio.notFound" });
    const decidedOn = scope.today(association.time_zone);
    const windows = decisionWindows(input.outcome, decidedOn);
    await updateApplicationStatus(tx, application.id, to, now, windows);
    const credential =
      input.outcome === "endorse"
        ? await issueCredential(tx, { association, application, framework, category, issuedOn: decidedOn, issuedBy: actor.userId, now })
        : null;
    const until = windows.exam_approved_until ?? windows.emerging_until ?? "";
    const letterId = await issueLetter(scope, { applicationId: application.id, kind: input.outcome, values: { feedback: input.feedback, until } });
    return done(
      { type: "application", id: application.id, associationId: application.association_id },
      { status: to, letterId },
      {
        ...move,
        outcome: input.outcome,
        version: application.file_version,
        ...windows,
        letterId,
        ...(credential ? { credentialNumber: credential.number } : {}),
      },
    );
  },
});
