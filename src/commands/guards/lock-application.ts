import { findApplicationForUpdate } from "../../data/applications.ts";
import type { Db } from "../../data/database.ts";
import { canMoveApplication, type ApplicationStatus } from "../../domain/application-lifecycle.ts";
import { type SessionActor } from "../../policies/actor.ts";
import { associationPolicy } from "../../policies/association.ts";
import type { FieldErrors } from "../command-context.ts";
import { refuse } from "../define-command.ts";

type LockedApplication = NonNullable<Awaited<ReturnType<typeof findApplicationForUpdate>>>;

/**
 * Locks the application's row for the rest of the transaction. Everything checked after this
 * (its status, who may act on it) stays true until the commit: a concurrent change waits.
 */
export async function lockApplication(tx: Db, applicationId: string): Promise<LockedApplication> {
  return (await findApplicationForUpdate(tx, applicationId)) ?? refuse({ form: "portfolio.notFound" });
}

/** The applicant's own application, locked; anyone else's is "not found", as if it did not exist. */
export async function assertOwnApplication(tx: Db, actor: SessionActor, applicationId: string): Promise<LockedApplication> {
  const application = await lockApplication(tx, applicationId);
  if (application.user_id !== actor.userId) refuse({ form: "portfolio.notFound" });
  return application;
}

/** An application of an association the actor works for, locked. */
export async function assertStaffApplication(tx: Db, actor: SessionActor, applicationId: string, associationId?: string): Promise<LockedApplication> {
  const application = await lockApplication(tx, applicationId);
  const isTheirs = associationId === undefined || application.association_id === associationId;
  if (!isTheirs || !associationPolicy.actAsStaff(actor, { id: application.association_id })) refuse({ form: "portfolio.notFound" });
  return application;
}

/** Only along the lifecycle table's edges; returns the audit details of the move. */
export function assertApplicationTransition(
  application: { status: ApplicationStatus },
  to: ApplicationStatus,
  errors: FieldErrors = { form: "error.notAllowedNow" },
) {
  if (!canMoveApplication(application.status, to)) refuse(errors);
  return { from: application.status, to };
}
