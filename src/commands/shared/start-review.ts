import { updateApplicationStatus } from "../../data/applications.ts";
import type { ApplicationStatus } from "../../domain/application-lifecycle.ts";
import type { CommandScope } from "../define-command.ts";
import { assertApplicationTransition } from "../guards/lock-application.ts";

type Scope = Pick<CommandScope<never, unknown>, "tx" | "now" | "notify">;

/**
 * A submitted application's review starts (its first reviewer is assigned, or a reviewer works on
 * one still "submitted"): it moves to "in review", the applicant can no longer withdraw and is told.
 * Returns the audit details of the move, or none when it is in review already.
 */
export async function startReview(scope: Scope, application: { id: string; user_id: string; status: ApplicationStatus }): Promise<Record<string, unknown>> {
  if (application.status !== "submitted") return {};
  const move = assertApplicationTransition(application, "in-review");
  await updateApplicationStatus(scope.tx, application.id, "in-review", scope.now);
  await scope.notify(application.user_id, "application-in-review", { key: "notice.applicationInReview" }, `/applications/${application.id}`);
  return move;
}
