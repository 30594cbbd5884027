import { allocateStatusListIndex } from "../../src/data/credential-status-lists.ts";
import { randomInt } from "node:crypto";
import { createHourAudit } from "../../src/commands/create-hour-audit.ts";
import { insertCredential } from "../../src/data/credentials.ts";
import type { RunningCradle } from "../../src/server/start-cradle.ts";
import type { SessionActor } from "../../src/policies/actor.ts";
import { buildApplicant, runOrThrow } from "./state-builders.ts";

type App = Pick<RunningCradle, "services">;

/** The period the IFS example portfolio's entries t2 (training, 12 h) and r1 (RS/C, 12 h) fall in. */
export const examplePeriodDue = "2024-12-31";

/** A member with the IFS example portfolio holding an IFS credential of the association, due on `renewalDue`. */
export async function buildCredentialHolder(
  app: App,
  options: { associationId: string; renewalDue?: string; name?: string; status?: "active" | "lapsed" | "revoked" },
) {
  const holder = await buildApplicant(app, { associationId: options.associationId, meets: "ifs", ...(options.name ? { name: options.name } : {}) });
  const credentialId = await insertCredential(app.services.db, {
    associationId: options.associationId,
    userId: holder.user.id,
    applicationId: null,
    frameworkId: "alliance-iecmh-e",
    categoryId: "ifs",
    frameworkVersion: "2024-01-01",
    statusListIndex: await allocateStatusListIndex(app.services.db, options.associationId),
    number: `T-IFS-2023-${randomInt(10_000_000, 100_000_000)}`,
    issuedOn: "2023-06-01",
    renewalDue: options.renewalDue ?? examplePeriodDue,
  });
  if (options.status && options.status !== "active")
    await app.services.db.updateTable("credentials").set({ status: options.status }).where("id", "=", credentialId!).execute();
  return { ...holder, credentialId: credentialId! };
}

/** An audit of the people staff name (by email), and each one's place in it. */
export async function buildAuditOf(app: App, staff: SessionActor, associationId: string, emails: string[], periodDue = examplePeriodDue) {
  const { auditId } = await runOrThrow(app, createHourAudit, staff, {
    associationId,
    periodDue,
    evidenceDue: "2099-01-01",
    instructions: "Certificates of attendance, please.",
    selection: "picked",
    percent: null,
    people: emails,
  });
  const audited = await app.services.db.selectFrom("hour_audit_people").select(["id", "user_id"]).where("audit_id", "=", auditId).execute();
  return { auditId, auditedIdOf: (userId: string) => audited.find((row) => row.user_id === userId)!.id };
}
