import { findRegistrationForUpdate } from "../../data/exams.ts";
import type { Db } from "../../data/database.ts";
import { examRules } from "../../domain/exam-result.ts";
import type { SessionActor } from "../../policies/actor.ts";
import { associationPolicy } from "../../policies/association.ts";
import type { CommandContext } from "../command-context.ts";
import { refuse } from "../define-command.ts";
import { findCategory } from "../shared/find-category.ts";

/** A registration at a sitting of an association the actor works for, locked. */
export async function assertStaffRegistration(tx: Db, actor: SessionActor, registrationId: string, associationId: string) {
  const registration = await findRegistrationForUpdate(tx, registrationId);
  if (!registration || registration.association_id !== associationId || !associationPolicy.actAsStaff(actor, { id: associationId }))
    refuse({ form: "portfolio.notFound" });
  return registration;
}

/** The exam rules of an application's category; a category without an exam cannot sit one. */
export function examRulesOf(context: CommandContext, application: { framework_id: string; category_id: string }) {
  const { category } = findCategory(context, application.framework_id, application.category_id);
  return examRules(category) ?? refuse({ form: "exams.error.noExam" });
}
