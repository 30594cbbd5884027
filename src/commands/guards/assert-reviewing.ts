import { findSnapshot, isAssignedReviewer } from "../../data/applications.ts";
import type { Db } from "../../data/database.ts";
import { findReviewOf } from "../../data/reviews.ts";
import { openForReview } from "../../domain/application-lifecycle.ts";
import type { StoredEligibilityReport } from "../../domain/report.ts";
import { checklistOf, judgedItemsFor, reviewScale } from "../../domain/review-checklist.ts";
import type { SessionActor } from "../../policies/actor.ts";
import type { CommandContext } from "../command-context.ts";
import { refuse } from "../define-command.ts";
import { findCategory } from "../shared/find-category.ts";
import { lockApplication } from "./lock-application.ts";

/**
 * The application the actor reviews, locked, with what their review answers: the checklist of the
 * current version's frozen report, the items a person judges, the scale. Anyone not assigned (never
 * assigned, or recused) learns nothing about it; a closed review or a submitted one is refused.
 */
export async function assertReviewing(tx: Db, context: CommandContext, actor: SessionActor, applicationId: string) {
  const application = await lockApplication(tx, applicationId);
  if (!(await isAssignedReviewer(tx, application.id, actor.userId))) refuse({ form: "portfolio.notFound" });
  if (!openForReview.includes(application.status)) refuse({ form: "review.error.closed" });
  const snapshot = (await findSnapshot(tx, application.id, application.file_version)) ?? refuse({ form: "portfolio.notFound" });
  const before = await findReviewOf(tx, application.id, application.file_version, actor.userId, true);
  if (before?.status === "submitted") refuse({ form: "review.error.locked" });
  const { framework, category } = findCategory(context, application.framework_id, application.category_id);
  return {
    application,
    version: application.file_version,
    before,
    category,
    checklist: checklistOf((snapshot.report as StoredEligibilityReport).requirements),
    judged: judgedItemsFor(framework, category),
    scale: reviewScale(framework, category),
  };
}
