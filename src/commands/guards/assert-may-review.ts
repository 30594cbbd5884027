import { countAssignmentsByReviewer } from "../../data/applications.ts";
import { findAssociationById } from "../../data/associations.ts";
import type { Db } from "../../data/database.ts";
import { findReviewerProfileForUpdate } from "../../data/reviewer-profiles.ts";
import { openForReview } from "../../domain/application-lifecycle.ts";
import { today } from "../../domain/dates.ts";
import type { Framework } from "../../domain/framework-schema.ts";
import { reviewerRefusal } from "../../domain/reviewer-eligibility.ts";
import { refuse } from "../define-command.ts";

type Application = { id: string; association_id: string; framework_id: string; category_id: string };

/** Refuses, next to the reviewer field (this application left out of their load, so asking again is not refused), a reviewer decision 026 does not let review this application today (the association's day). */
export async function assertMayReview(tx: Db, frameworks: readonly Framework[], application: Application, reviewerUserId: string, now: Date): Promise<void> {
  const profile = await findReviewerProfileForUpdate(tx, application.association_id, reviewerUserId);
  const loads = await countAssignmentsByReviewer(tx, application.association_id, openForReview, application.id);
  const association = await findAssociationById(tx, application.association_id);
  const categoryOrder = frameworks.find((framework) => framework.id === application.framework_id)?.categories.map((category) => category.id) ?? [];
  const target = { frameworkId: application.framework_id, categoryId: application.category_id, categoryOrder };
  const refusal = reviewerRefusal(profile, target, loads.get(reviewerUserId) ?? 0, today(association?.time_zone ?? "UTC", now));
  if (refusal) refuse({ reviewer: `reviewerProfile.refused.${refusal}` });
}
