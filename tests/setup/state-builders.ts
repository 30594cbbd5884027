import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { CommandContext, Result } from "../../src/commands/command-context.ts";
import { type Command, runCommand } from "../../src/commands/define-command.ts";
import { assignReviewer } from "../../src/commands/assign-reviewer.ts";
import { decideApplication } from "../../src/commands/decide-application.ts";
import { importPortfolioFile } from "../../src/commands/import-portfolio-file.ts";
import { startApplication } from "../../src/commands/start-application.ts";
import { submitApplication } from "../../src/commands/submit-application.ts";
import { setFrameworksOfAssociation } from "../../src/data/association-frameworks.ts";
import { changeCredentialStatus, type CredentialStatusChange } from "../../src/data/credentials.ts";
import { type Actor, person } from "../../src/policies/actor.ts";
import type { RunningCradle } from "../../src/server/start-cradle.ts";
import { commandContext } from "../../src/server/services.ts";
import { buildAssociation, buildMember } from "./builders.ts";

/**
 * Test data in a named state, reached through the same commands people use (so a builder cannot
 * make a state the product cannot). Each takes overrides and creates the parents it needs.
 */
type App = Pick<RunningCradle, "services">;

const portfolioFiles = { ifs: "examples/ifs-portfolio.json" } as const;

export function commandsOf(app: App, now?: () => Date): CommandContext {
  return { ...commandContext(app.services), ...(now ? { now } : {}) };
}

/** Runs a command and fails the test at once if it is refused: for setting up, not for the behaviour under test. */
export async function runOrThrow<K extends Actor["kind"], I, O, P>(app: App, command: Command<K, I, O, P>, actor: Actor, input: NoInfer<I>): Promise<O> {
  const result: Result<O> = await runCommand(commandsOf(app), command, actor, input);
  if (!result.ok) expect.fail(`${command.name} refused: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** An association that endorses by one framework, with an application fee. */
export async function buildAssociationOf(app: App, frameworkId: string, overrides: Parameters<typeof buildAssociation>[1] = {}) {
  const association = await buildAssociation(app.services.db, overrides);
  await app.services.db.updateTable("associations").set({ application_fee_cents: 7500 }).where("id", "=", association.id).execute();
  await setFrameworksOfAssociation(app.services.db, association.id, [frameworkId]);
  return association;
}

export const buildAllianceAssociation = (app: App, overrides: Parameters<typeof buildAssociation>[1] = {}) =>
  buildAssociationOf(app, "alliance-iecmh-e", overrides);

/**
 * A member whose portfolio is the example file that meets the category (`meets: "ifs"`), or empty.
 * Imported, so without what only others give (its ratings, its transcript received).
 */
export async function buildApplicant(app: App, options: { associationId?: string; meets?: keyof typeof portfolioFiles; name?: string } = {}) {
  const associationId = options.associationId ?? (await buildAllianceAssociation(app)).id;
  const user = await buildMember(app.services.db, associationId, "member", options.name ? { name: options.name } : {});
  const actor = person(user.id, [{ association_id: associationId, role: "member" }]);
  if (options.meets) await runOrThrow(app, importPortfolioFile, actor, { kind: "json", file: readFileSync(portfolioFiles[options.meets], "utf8") });
  return { user, associationId, actor };
}

/** A draft for IFS, or another Alliance category (`categoryId`), with the IFS example portfolio. */
export async function buildDraftApplication(app: App, options: Parameters<typeof buildApplicant>[1] & { categoryId?: string } = {}) {
  const applicant = await buildApplicant(app, { meets: "ifs", ...options });
  const { applicationId } = await runOrThrow(app, startApplication, applicant.actor, {
    associationId: applicant.associationId,
    frameworkId: "alliance-iecmh-e",
    categoryId: options.categoryId ?? "ifs",
  });
  return { ...applicant, applicationId };
}

export async function buildSubmittedApplication(app: App, options: Parameters<typeof buildDraftApplication>[1] = {}) {
  const draft = await buildDraftApplication(app, options);
  await runOrThrow(app, submitApplication, draft.actor, { applicationId: draft.applicationId, attests: true, signsEthics: true });
  return draft;
}

/** Staff and a reviewer of the applicant's association (each a person with that role). */
export async function buildStaffAndReviewer(app: App, associationId: string) {
  const staff = await buildMember(app.services.db, associationId, "staff");
  const reviewer = await buildMember(app.services.db, associationId, "reviewer");
  return {
    staff: { user: staff, actor: person(staff.id, [{ association_id: associationId, role: "staff" }]) },
    reviewer: { user: reviewer, actor: person(reviewer.id, [{ association_id: associationId, role: "reviewer" }]) },
  };
}

export async function buildApplicationInReview(app: App, options: Parameters<typeof buildDraftApplication>[1] = {}) {
  const submitted = await buildSubmittedApplication(app, options);
  const { staff, reviewer } = await buildStaffAndReviewer(app, submitted.associationId);
  await runOrThrow(app, assignReviewer, staff.actor, {
    associationId: submitted.associationId,
    associationSlug: "any",
    applicationId: submitted.applicationId,
    reviewerUserId: reviewer.user.id,
  });
  return { ...submitted, staff, reviewer };
}

/** An IFS application endorsed by staff (on `now`, else today), and the credential it earned (its row). */
export async function buildCredential(app: App, options: Parameters<typeof buildApplicationInReview>[1] & { now?: () => Date } = {}) {
  const { now, ...rest } = options;
  const review = await buildApplicationInReview(app, rest);
  const decided = await runCommand(commandsOf(app, now), decideApplication, review.staff.actor, {
    associationId: review.associationId,
    applicationId: review.applicationId,
    outcome: "endorse",
    feedback: "",
    expectedStatus: "in-review",
    expectedVersion: 1,
  });
  if (!decided.ok) expect.fail(`endorse refused: ${JSON.stringify(decided.errors)}`);
  const credential = await app.services.db.selectFrom("credentials").selectAll().where("application_id", "=", review.applicationId).executeTakeFirstOrThrow();
  return { ...review, credential };
}

/** A second credential, in another category (one without an exam), for the holder of a first: their own application, reviewed and endorsed. */
export async function buildSecondCredential(app: App, holder: Awaited<ReturnType<typeof buildCredential>>, categoryId: string, now?: () => Date) {
  const { applicationId } = await runOrThrow(app, startApplication, holder.actor, {
    associationId: holder.associationId,
    frameworkId: "alliance-iecmh-e",
    categoryId,
  });
  await runOrThrow(app, submitApplication, holder.actor, { applicationId, attests: true, signsEthics: true });
  await runOrThrow(app, assignReviewer, holder.staff.actor, {
    associationId: holder.associationId,
    associationSlug: "any",
    applicationId,
    reviewerUserId: holder.reviewer.user.id,
  });
  const decided = await runCommand(commandsOf(app, now), decideApplication, holder.staff.actor, {
    associationId: holder.associationId,
    applicationId,
    outcome: "endorse",
    feedback: "",
    expectedStatus: "in-review",
    expectedVersion: 1,
  });
  if (!decided.ok) expect.fail(`endorse refused: ${JSON.stringify(decided.errors)}`);
  return { credential: await app.services.db.selectFrom("credentials").selectAll().where("application_id", "=", applicationId).executeTakeFirstOrThrow() };
}

/** A credential moved to a status as staff or the daily renewal job would, recorded in its history. */
export async function moveCredentialStatus(app: App, change: Omit<CredentialStatusChange, "now">) {
  await app.services.db.transaction().execute((tx) => changeCredentialStatus(tx, { ...change, now: new Date() }));
}
