import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createVerifiedAccount } from "../../commands/create-verified-account.ts";
import { CliUsageError, withCliDatabase } from "../open-cli-database.ts";

export const createOwnerUsage = "create-owner --email <email> [--name <name>] [--password <password>]";

/** Makes a platform owner, creating the account if needed. */
export async function createOwner(args: string[]): Promise<void> {
  await withCliDatabase(async (context) => {
    const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
    if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) throw new CliUsageError(`--email is required and must be an email address.\nUsage: npm run cradle -- ${createOwnerUsage}`);
    if (values.password !== undefined && values.password.length < 10) throw new CliUsageError("--password must have at least 10 characters.");
    const password = values.password ?? randomBytes(12).toString("base64url");
    const { isNew } = await createVerifiedAccount(context, { email: values.email, name: values.name ?? "Owner", password, isOwner: true });
    if (isNew) console.log(`Created owner ${values.email}${values.password ? "" : ` with password: ${password}`}`);
    else console.log(`${values.email} already had an account; it is now an owner (password unchanged).`);
  });
}
