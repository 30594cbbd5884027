import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import { hashPassword } from "../../src/auth/password.ts";
import { refreshPlannerStatistics } from "../../src/data/planner-statistics.ts";
import type { CommandContext } from "../../src/commands/command-context.ts";
import { createAssociation } from "../../src/commands/create-association.ts";
import { createVerifiedAccount } from "../../src/commands/create-verified-account.ts";
import { runCommand } from "../../src/commands/define-command.ts";
import { grantRole } from "../../src/commands/grant-role.ts";
import { issueCredential } from "../../src/commands/shared/issue-credential.ts";
import { findAssociationById } from "../../src/data/associations.ts";
import { findFramework } from "../../src/frameworks/load-frameworks.ts";
import { evaluate } from "../../src/domain/evaluate.ts";
import { fingerprint } from "../../src/domain/fingerprint.ts";
import type { Database } from "../../src/data/schema.ts";
import { systemActor } from "../../src/policies/actor.ts";
import { generatePortfolio } from "../generate-portfolios.ts";
import { benchCast, type Volume } from "./cast.ts";

const frameworkId = "alliance-iecmh-e";
const categories = ["ifs", "imhs", "ifa", "ifrs", "imhm-c", "ecfs"];
const rowsPerInsert = 250;
const seed = systemActor("bench");

/**
 * Writes the benchmark's volume. The association and its staff go through the commands; the
 * applicants, their portfolios and applications are written in multi-row inserts of the rows
 * join-association, start-application and submit-application write (users, roles, portfolios,
 * applications, snapshots, audit entries), because one command per applicant takes hours at
 * 20,000. The first applicant holds a credential, issued as an endorsement issues it, for the
 * verification page. Left out on purpose: the notices and mails those commands queue, which the server's mail
 * worker would otherwise send during the measurement.
 */
export async function writeVolume(context: CommandContext, volume: Volume, onProgress: (written: number) => void = () => {}): Promise<void> {
  const association = await runCommand(context, createAssociation, seed, benchCast.association);
  if (!association.ok) throw new Error("could not create the benchmark's association");
  const associationId = association.value.id;
  const { email, name, password } = benchCast.staff;
  const staff = await runCommand(context, createVerifiedAccount, seed, { email, name, password });
  if (!staff.ok) throw new Error("could not create the benchmark's staff account");
  const role = await runCommand(context, grantRole, seed, { associationId, email, role: "staff" });
  if (!role.ok) throw new Error("could not make the benchmark's staff account staff");
  // One hash for every applicant: argon2id takes about 85 ms each by design.
  const passwordHash = await hashPassword(benchCast.applicantPassword);
  for (let first = 0; first < volume.applicants; first += rowsPerInsert) {
    const count = Math.min(rowsPerInsert, volume.applicants - first);
    await writeApplicants(context, { associationId, passwordHash, first, count, applications: volume.applications });
    onProgress(first + count);
  }
  if (volume.applications > 0) await issueFirstApplicantsCredential(context, associationId, staff.value.userId);
  // The planner's statistics, as a server's housekeeping (or PostgreSQL's autovacuum) would have them:
  // fresh from bulk inserts, the tables look empty and the planner sorts 5,000 rows for a page of 50.
  await refreshPlannerStatistics(context.db);
}

/** The credential the first applicant's application earns (no review written: the verification page shows none). */
async function issueFirstApplicantsCredential(context: CommandContext, associationId: string, issuedBy: string): Promise<void> {
  const framework = findFramework([...context.frameworks], frameworkId)!;
  const application = await context.db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.user_id")
    .select(["applications.id", "applications.user_id", "applications.category_id"])
    .where("users.email", "=", benchCast.applicantEmail(0))
    .executeTakeFirstOrThrow();
  const category = framework.categories.find((candidate) => candidate.id === application.category_id)!;
  const association = (await findAssociationById(context.db, associationId))!;
  const now = context.now();
  await context.db
    .transaction()
    .execute((tx) => issueCredential(tx, { association, application, framework, category, issuedOn: now.toISOString().slice(0, 10), issuedBy, now }));
}

type Batch = { associationId: string; passwordHash: string; first: number; count: number; applications: number };

async function writeApplicants(context: CommandContext, batch: Batch): Promise<void> {
  const framework = findFramework([...context.frameworks], frameworkId)!;
  const now = context.now();
  const users: Array<Insertable<Database["users"]> & { id: string }> = [];
  const portfolios: Array<Insertable<Database["portfolios"]>> = [];
  const applications: Array<Insertable<Database["applications"]>> = [];
  const snapshots: Array<Insertable<Database["application_snapshots"]>> = [];
  const audit: Array<Insertable<Database["audit_log"]>> = [];
  for (let index = batch.first; index < batch.first + batch.count; index++) {
    const userId = randomUUID();
    users.push({
      id: userId,
      email: benchCast.applicantEmail(index),
      name: `Applicant ${index}`,
      password_hash: batch.passwordHash,
      email_verified_at: now,
      locale: "en" as const,
    });
    audit.push(entry(userId, batch.associationId, "membership.joined", "user", userId, {}));
    const portfolio = generatePortfolio(index + 1);
    if (index >= batch.applications) {
      portfolios.push({ user_id: userId, document: JSON.stringify(portfolio), version: 1, updated_at: now });
      continue;
    }
    const applicationId = randomUUID();
    const categoryId = categories[index % categories.length]!;
    const category = framework.categories.find((candidate) => candidate.id === categoryId)!;
    const submittedAt = new Date(now.getTime() - index * 3_600_000);
    const signedOn = submittedAt.toISOString().slice(0, 10);
    const signed = { ...portfolio, attestations: { ...portfolio.attestations, codeOfEthicsSigned: signedOn } };
    const report = evaluate(framework, category, signed, signedOn);
    portfolios.push({ user_id: userId, document: JSON.stringify(signed), version: 2, updated_at: submittedAt });
    applications.push({
      id: applicationId,
      user_id: userId,
      association_id: batch.associationId,
      framework_id: frameworkId,
      category_id: categoryId,
      status: "submitted" as const,
      fee_cents: null,
      attested_at: submittedAt,
      submitted_at: submittedAt,
      created_at: submittedAt,
      updated_at: submittedAt,
    });
    const sha256 = fingerprint({ portfolio: signed, report });
    snapshots.push({ application_id: applicationId, portfolio: JSON.stringify(signed), report: JSON.stringify(report), sha256 });
    audit.push(entry(userId, batch.associationId, "application.started", "application", applicationId, { category: categoryId, to: "draft" }));
    const submitted = { from: "draft", to: "submitted", category: categoryId, engineStatus: report.status };
    audit.push(entry(userId, batch.associationId, "application.submitted", "application", applicationId, submitted));
  }
  await context.db.transaction().execute(async (tx) => {
    await tx.insertInto("users").values(users).execute();
    await tx
      .insertInto("association_roles")
      .values(users.map((user) => ({ user_id: user.id, association_id: batch.associationId, role: "member" as const })))
      .execute();
    await tx.insertInto("portfolios").values(portfolios).execute();
    if (applications.length > 0) {
      await tx.insertInto("applications").values(applications).execute();
      await tx.insertInto("application_snapshots").values(snapshots).execute();
    }
    await tx.insertInto("audit_log").values(audit).execute();
  });
}

function entry(userId: string, associationId: string, action: string, subjectType: string, subjectId: string, details: Record<string, unknown>) {
  return {
    actor_user_id: userId,
    actor_kind: "person" as const,
    actor_ref: null,
    association_id: associationId,
    action,
    subject_type: subjectType,
    subject_id: subjectId,
    details: JSON.stringify(details),
  };
}
