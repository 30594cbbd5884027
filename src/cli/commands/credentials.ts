import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { exportCredential } from "../../commands/export-credential.ts";
import { runCommand } from "../../commands/define-command.ts";
import { certificatePdf } from "../../credentials/certificate-pdf.ts";
import { readConfig } from "../../config.ts";
import { listCredentialsAfter } from "../../data/credentials.ts";
import { systemActor } from "../../policies/actor.ts";
import { categoryName } from "../../queries/reader.ts";
import { loadCredentialKeySecret } from "../../server/credential-key-secret.ts";
import { BadInput, langOption } from "./check.ts";
import { withCliDatabase } from "../open-cli-database.ts";

export const credentialsUsage = "credentials [--json]";
export const credentialUsage = "credential <number> --ob3 <file.json> [--pdf <file.pdf>] [--lang en|es]";

const pageSize = 500;

/**
 * Every credential of the installation, by number: a line each (number, holder, category,
 * association, status, tab-separated under a header), or with --json one JSON array. Read and
 * printed a page at a time, so a registry of any size streams out in bounded memory.
 */
export async function listCredentials(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" } } });
  await withCliDatabase(async (context) => {
    const json = values.json === true;
    const print = (text: string) => new Promise<void>((resolve) => (process.stdout.write(text) ? resolve() : process.stdout.once("drain", resolve)));
    await print(json ? "[" : "number\tholder\tcategory\tassociation\tstatus\n");
    let after: string | null = null;
    let first = true;
    for (;;) {
      const rows = await listCredentialsAfter(context.db, after, pageSize);
      for (const row of rows) {
        const line = {
          number: row.number,
          holder: row.holderName,
          category: categoryName(context, row.framework_id, row.category_id).en,
          association: row.associationName,
          status: row.status,
        };
        await print(json ? `${first ? "\n" : ",\n"}  ${JSON.stringify(line)}` : `${Object.values(line).join("\t")}\n`);
        first = false;
      }
      if (rows.length < pageSize) break;
      after = rows.at(-1)!.number;
    }
    if (json) await print(first ? "]\n" : "\n]\n");
  });
}

/** Writes one credential's signed Open Badge (--ob3) and its certificate (--pdf); an unknown number exits 1. */
export async function writeCredentialFiles(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ob3: { type: "string" }, pdf: { type: "string" }, lang: { type: "string" } },
  });
  const [number] = positionals;
  if (!number || !values.ob3) throw new BadInput(`A credential number and --ob3 are required.\nUsage: npm run cradle -- ${credentialUsage}`);
  const locale = values.lang === undefined ? undefined : langOption(values.lang);
  await withCliDatabase(async (context, handle) => {
    const credentialKeySecret = loadCredentialKeySecret(readConfig(process.env), handle.driver);
    const result = await runCommand({ ...context, credentialKeySecret }, exportCredential, systemActor("cli"), {
      number,
      withCertificate: values.pdf !== undefined,
      ...(locale ? { locale } : {}),
    });
    if (!result.ok) {
      console.error(`No credential is numbered "${number}". \`npm run cradle -- credentials\` lists them.`);
      process.exitCode = 1;
      return;
    }
    const { badge, certificate, createdAt } = result.value;
    await writeFile(values.ob3!, `${JSON.stringify(badge, null, 2)}\n`);
    console.log(`Wrote the signed Open Badge of ${number} to ${values.ob3}`);
    if (certificate && values.pdf) {
      await writeFile(values.pdf, await certificatePdf(certificate, createdAt));
      console.log(`Wrote the certificate of ${number} (${certificate.locale}) to ${values.pdf}`);
    }
  });
}
