import { readFileSync } from "node:fs";
import type { CommandContext } from "../commands/command-context.ts";
import { createVerifiedAccount } from "../commands/create-verified-account.ts";
import { assignReviewer } from "../commands/assign-reviewer.ts";
import { decideApplication } from "../commands/decide-application.ts";
import { type Command, runCommand } from "../commands/define-command.ts";
import { grantRole } from "../commands/grant-role.ts";
import { importPortfolioFile } from "../commands/import-portfolio-file.ts";
import { startApplication } from "../commands/start-application.ts";
import { submitApplication } from "../commands/submit-application.ts";
import { publishCredentialFields } from "../commands/publish-credential-fields.ts";
import { revokeCredential } from "../commands/revoke-credential.ts";
import { setRenewalCycle } from "../commands/set-renewal-cycle.ts";
import { findUserByEmail } from "../data/users.ts";
import { today } from "../domain/dates.ts";
import { doCredentialRenewals } from "../jobs/credential-renewals.ts";
import { type Actor, person, systemActor } from "../policies/actor.ts";

const seed = systemActor("seed-demo");
const dayMs = 24 * 60 * 60 * 1000;
const examplePortfolio = "examples/ifs-portfolio.json";

async function must<K extends Actor["kind"], I, O, P>(context: CommandContext, command: Command<K, I, O, P>, actor: Actor, input: NoInfer<I>): Promise<O> {
  const result = await runCommand(context, command, actor, input);
  if (!result.ok) throw new Error(`seed-demo: ${command.name} refused: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** `listed`: the holder chooses the association's public registry, with the date of issue. */
export type DemoHolder = { local: string; name: string; locale?: "es"; endorsedDaysAgo?: number; listed?: true };

/**
 * Takes demo holders of one association through the applicant's and the staff's journey, by the
 * same commands people use (the IFS example portfolio, submission, a reviewer, "endorse"), so a new
 * demo has credentials to look at. A holder who already has a credential there is left as is.
 */
export async function endorseDemoHolders(
  context: CommandContext,
  association: { id: string; slug: string },
  holders: readonly DemoHolder[],
  password: string,
): Promise<Array<{ email: string; userId: string; credentialId: string; number: string }>> {
  const staffEmail = `admin@${association.slug}.demo.cradle.test`;
  const reviewerEmail = `reviewer@${association.slug}.demo.cradle.test`;
  const staff = await findUserByEmail(context.db, staffEmail);
  const reviewer = await findUserByEmail(context.db, reviewerEmail);
  if (!staff || !reviewer) throw new Error(`seed-demo: ${association.slug} needs its admin and reviewer first`);
  const staffActor = person(staff.id, [{ association_id: association.id, role: "admin" }]);
  const endorsed = [];
  for (const holder of holders) {
    const email = `${holder.local}@${association.slug}.demo.cradle.test`;
    const { userId } = await must(context, createVerifiedAccount, seed, { email, name: holder.name, password, locale: holder.locale });
    await must(context, grantRole, seed, { associationId: association.id, email, role: "member" });
    const held = await context.db
      .selectFrom("credentials")
      .select(["id", "number"])
      .where("user_id", "=", userId)
      .where("association_id", "=", association.id)
      .executeTakeFirst();
    if (held) {
      endorsed.push({ email, userId, credentialId: held.id, number: held.number });
      continue;
    }
    const actor = person(userId, [{ association_id: association.id, role: "member" }]);
    // Endorsed as on a day in the past: the commands take the day from the context's clock.
    const then = new Date(context.now().getTime() - (holder.endorsedDaysAgo ?? 0) * dayMs);
    const asThen: CommandContext = { ...context, now: () => then };
    await must(asThen, importPortfolioFile, actor, { kind: "json", file: readFileSync(examplePortfolio, "utf8") });
    const { applicationId } = await must(asThen, startApplication, actor, {
      associationId: association.id,
      frameworkId: "alliance-iecmh-e",
      categoryId: "ifs",
    });
    await must(asThen, submitApplication, actor, { applicationId, attests: true, signsEthics: true });
    await must(asThen, assignReviewer, staffActor, {
      associationId: association.id,
      associationSlug: association.slug,
      applicationId,
      reviewerUserId: reviewer.id,
    });
    await must(asThen, decideApplication, staffActor, {
      associationId: association.id,
      applicationId,
      outcome: "endorse",
      feedback: "",
      expectedStatus: "in-review",
      expectedVersion: 1,
    });
    const credential = await context.db
      .selectFrom("credentials")
      .select(["id", "number"])
      .where("application_id", "=", applicationId)
      .executeTakeFirstOrThrow();
    if (holder.listed) await must(context, publishCredentialFields, actor, { credentialId: credential.id, fields: ["issued", "registry"] });
    endorsed.push({ email, userId, credentialId: credential.id, number: credential.number });
  }
  return endorsed;
}

/**
 * The association's renewal cycle for the demo: due two weeks ago, late in six weeks, so that a
 * credential endorsed a month ago is lapsed today and one endorsed today is due in a year.
 */
export async function setDemoRenewalCycle(context: CommandContext, associationId: string, staffActor: Actor) {
  const zone = "UTC";
  const monthDayOf = (daysFromToday: number) => {
    const [, month, day] = today(zone, new Date(context.now().getTime() + daysFromToday * dayMs))
      .split("-")
      .map(Number);
    // 29 February is not a day of every year: the day before stands for it.
    return month === 2 && day === 29 ? { month: 2, day: 28 } : { month: month!, day: day! };
  };
  await must(context, setRenewalCycle, staffActor, {
    associationId,
    due: monthDayOf(-14),
    late: monthDayOf(42),
    renewalFeeCents: 2500,
    lateFeeCents: 2500,
    removalDaysAfterLate: 1,
    firstRenewalAfterMonths: 0,
  });
}

/** The demo's lapsed and revoked credentials: the daily renewal job lapses what is past due, staff revoke one with a reason. */
export async function lapseAndRevoke(context: CommandContext, associationId: string, staffActor: Actor, revokedCredentialId: string) {
  await doCredentialRenewals(context);
  await must(context, revokeCredential, staffActor, {
    associationId,
    credentialId: revokedCredentialId,
    reason: "Demo: practised outside the code of ethics.",
  });
}
