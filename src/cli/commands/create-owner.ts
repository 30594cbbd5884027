import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import type { CommandContext } from "../../commands/command-context.ts";
import { createVerifiedAccount } from "../../commands/create-verified-account.ts";
import { runCommand } from "../../commands/define-command.ts";
import { makeOwner } from "../../commands/make-owner.ts";
import type { Locale } from "../../data/schema.ts";
import { systemActor } from "../../policies/actor.ts";
import { CliUsageError, withCliDatabase } from "../open-cli-database.ts";

export const createOwnerUsage = "create-owner --email <email> [--name <name>] [--password <password>]";

/** Makes a platform owner, creating the account if needed. */
export async function createOwner(args: string[]): Promise<void> {
  await withCliDatabase(async (context) => {
    const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
    if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email))
      throw new CliUsageError(`--email is required and must be an email address.\nUsage: npm run cradle -- ${createOwnerUsage}`);
    if (values.password !== undefined && values.password.length < 10) throw new CliUsageError("--password must have at least 10 characters.");
    const password = values.password ?? randomBytes(12).toString("base64url");
    const { isNew } = await createOwnerAccount(context, { email: values.email, name: values.name ?? "Owner", password }, "cli");
    if (isNew) console.log(`Created owner ${values.email}${values.password ? "" : ` with password: ${password}`}`);
    else console.log(`${values.email} already had an account; it is now an owner (password unchanged).`);
  });
}

/**
 * An owner's account, confirmed, created if needed: two audited commands ("account.created-verified",
 * "account.made-owner") in one transaction, so a failure leaves neither.
 */
export async function createOwnerAccount(context: CommandContext, input: { email: string; name: string; password: string; locale?: Locale }, job: string) {
  const actor = systemActor(job);
  return context.db.transaction().execute(async (tx) => {
    const inTransaction = { ...context, db: tx };
    const account = await runCommand(inTransaction, createVerifiedAccount, actor, input);
    if (!account.ok) throw new CliUsageError(`Could not create ${input.email}: ${Object.values(account.errors).join(", ")}`);
    const owner = await runCommand(inTransaction, makeOwner, actor, { userId: account.value.userId });
    if (!owner.ok) throw new CliUsageError(`Could not make ${input.email} an owner: ${Object.values(owner.errors).join(", ")}`);
    return account.value;
  });
}
