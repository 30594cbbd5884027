import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createVerifiedAccount } from "../commands/create-verified-account.ts";
import { CliUsageError, withCliDatabase } from "./open-cli-database.ts";

const usage = `Usage: npm run cradle -- <command> [options]

Commands:
  create-owner --email <email> [--name <name>] [--password <password>]
      Makes a platform owner (creates the account if needed; prints a generated password).`;

const [command, ...rest] = process.argv.slice(2);

if (command === "create-owner") {
  await withCliDatabase(async (context) => {
    const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
    if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) throw new CliUsageError(`--email is required and must be an email address.\n\n${usage}`);
    if (values.password !== undefined && values.password.length < 10) throw new CliUsageError("--password must have at least 10 characters.");
    const password = values.password ?? randomBytes(12).toString("base64url");
    const { isNew } = await createVerifiedAccount(context, { email: values.email, name: values.name ?? "Owner", password, isOwner: true });
    if (isNew) {
      console.log(`Created owner ${values.email}${values.password ? "" : ` with password: ${password}`}`);
    } else {
      console.log(`${values.email} already had an account; it is now an owner (password unchanged).`);
    }
  });
} else {
  console.error(command ? `Unknown command: ${command}\n\n${usage}` : usage);
  process.exitCode = 2;
}
