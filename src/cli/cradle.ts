import "../load-env-file.ts";
import { BadInput, check, checkUsage } from "./commands/check.ts";
import { createOwner, createOwnerUsage } from "./commands/create-owner.ts";
import { credentialsUsage, credentialUsage, listCredentials, writeCredentialFiles } from "./commands/credentials.ts";
import { listFrameworks } from "./commands/frameworks.ts";
import { renew, renewUsage } from "./commands/renew.ts";
import { FrameworkError } from "../frameworks/load-frameworks.ts";

const usage = `Usage: npm run cradle -- <command> [options]

Commands:
  ${checkUsage}
      Where a portfolio stands for a category. Exit 0: every requirement is met, the exam
      included (--stage application: every requirement to apply, then sit the exam);
      1: not yet; 2: bad input.
  ${renewUsage}
      Where an endorsement holder stands for the renewal period ending on --period-end.
      Exit 0: every renewal requirement is met; 1: not yet; 2: bad input.
  frameworks
      The frameworks and their categories, with their ids.
  ${createOwnerUsage}
      Makes a platform owner (creates the account if needed; prints a generated password).
  ${credentialsUsage}
      Every credential: number, holder, category, association and status (--json: a JSON array).
  ${credentialUsage}
      Writes a credential's signed Open Badges 3.0 JSON and, with --pdf, its certificate
      (in the holder's language unless --lang). Exit 1: no credential has that number.`;

const [command, ...rest] = process.argv.slice(2);

try {
  if (command === "check") process.exitCode = check(rest, new Date().toISOString().slice(0, 10));
  else if (command === "renew") process.exitCode = renew(rest);
  else if (command === "frameworks") listFrameworks();
  else if (command === "create-owner") await createOwner(rest);
  else if (command === "credentials") await listCredentials(rest);
  else if (command === "credential") await writeCredentialFiles(rest);
  else {
    console.error(command ? `Unknown command: ${command}\n\n${usage}` : usage);
    process.exitCode = 2;
  }
} catch (error) {
  if (error instanceof BadInput || error instanceof FrameworkError || (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
    console.error((error as Error).message);
    process.exitCode = 2;
  } else throw error;
}
