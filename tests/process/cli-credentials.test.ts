import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { saveAssociationLogo } from "../../src/data/association-logos.ts";
import { allocateStatusListIndex } from "../../src/data/credential-status-lists.ts";
import { changeCredentialStatus, insertCredential } from "../../src/data/credentials.ts";
import { openDatabase } from "../../src/data/database.ts";
import { buildAssociation, buildUser } from "../setup/builders.ts";
import { verifyIndependently } from "../setup/independent-verifier.ts";
import { copyMigratedDataDir } from "../setup/migrated-data-dir.ts";
import { pdfImages, pdfQrCodes, pdfText } from "../setup/read-certificate.ts";
import { solidPng } from "../setup/solid-png.ts";

const dataDir = copyMigratedDataDir("cradle-cli-credentials-");
const baseUrl = "https://cradle.example.org";

/** `npm run cradle -- ...` as an operator runs it, on this test's data folder. */
function cradle(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["src/cli/cradle.ts", ...args],
      { env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, BASE_URL: baseUrl } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

let associationId = "";
let associationName = "";

beforeAll(async () => {
  const { db, close } = await openDatabase({ dataDir });
  try {
    const association = await buildAssociation(db, { name: "Asociación del Sur", slug: "asociacion-del-sur" });
    associationId = association.id;
    associationName = association.name;
    await saveAssociationLogo(db, association.id, { mediaType: "image/png", bytes: solidPng(30, 10, [20, 20, 160]) }, new Date());
    const credentialOf = async (name: string, number: string, locale: "en" | "es" | undefined) => {
      const user = await buildUser(db, { name, ...(locale ? { locale } : {}) });
      const dates = { issuedOn: "2026-02-03", renewalDue: "2026-12-31" };
      const common = { associationId: association.id, userId: user.id, applicationId: null, frameworkId: "alliance-iecmh-e", frameworkVersion: "2024-01-01" };
      const statusListIndex = await allocateStatusListIndex(db, association.id);
      return (await insertCredential(db, { ...common, categoryId: "ifs", number, ...dates, statusListIndex }))!;
    };
    await credentialOf("Ana Activa", "AS-IFS-2026-0001", "es");
    const revoked = await credentialOf("Rita Revocada", "AS-IFS-2026-0002", undefined);
    const change = { credentialId: revoked, changedBy: null };
    await changeCredentialStatus(db, { ...change, from: null, to: "active", effectiveOn: "2026-02-03", now: new Date("2026-02-03T12:00:00Z") });
    await changeCredentialStatus(db, { ...change, from: "active", to: "revoked", effectiveOn: "2026-06-30", now: new Date("2026-06-30T12:00:00Z") });
  } finally {
    await close();
  }
});

const folder = path.dirname(dataDir);

describe("cradle credentials", () => {
  it("lists every credential: number, holder, category, association and status", async () => {
    const result = await cradle("credentials");
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toBe("number\tholder\tcategory\tassociation\tstatus");
    expect(lines.slice(1)).toEqual([
      `AS-IFS-2026-0001\tAna Activa\tInfant Family Specialist\t${associationName}\tactive`,
      `AS-IFS-2026-0002\tRita Revocada\tInfant Family Specialist\t${associationName}\trevoked`,
    ]);
  });

  it("lists them as a JSON array with --json", async () => {
    const result = await cradle("credentials", "--json");
    expect(JSON.parse(result.stdout)).toEqual([
      { number: "AS-IFS-2026-0001", holder: "Ana Activa", category: "Infant Family Specialist", association: associationName, status: "active" },
      { number: "AS-IFS-2026-0002", holder: "Rita Revocada", category: "Infant Family Specialist", association: associationName, status: "revoked" },
    ]);
  });
});

describe("cradle credential", () => {
  it("writes the signed Open Badge, which an independent verifier accepts, and the certificate in the holder's language", async () => {
    const ob3 = path.join(folder, "ana.json");
    const pdf = path.join(folder, "ana.pdf");
    const result = await cradle("credential", "AS-IFS-2026-0001", "--ob3", ob3, "--pdf", pdf);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const badge = JSON.parse(readFileSync(ob3, "utf8"));
    expect(badge.id).toBe(`${baseUrl}/verify/AS-IFS-2026-0001`);
    const { db, close } = await openDatabase({ dataDir });
    const key = await db
      .selectFrom("association_signing_keys")
      .select("public_key_multibase")
      .where("association_id", "=", associationId)
      .executeTakeFirstOrThrow();
    const audit = await db.selectFrom("audit_log").select(["action", "details"]).where("action", "=", "credential.exported").execute();
    await close();
    expect(await verifyIndependently(badge, key.public_key_multibase)).toBe(true);
    expect(audit).toEqual([{ action: "credential.exported", details: { number: "AS-IFS-2026-0001", certificateLocale: "es" } }]);

    const bytes = new Uint8Array(readFileSync(pdf));
    const text = await pdfText(bytes);
    for (const part of [
      "Certificado de Respaldo",
      "Ana Activa",
      "Especialista Familiar de la Infancia",
      associationName,
      "Credencial número AS-IFS-2026-0001",
      "3 de febrero de 2026",
    ])
      expect(text).toContain(part);
    expect(await pdfQrCodes(bytes)).toEqual([`${baseUrl}/verify/AS-IFS-2026-0001`]);
    expect((await pdfImages(bytes)).some(({ width, height }) => width === 30 && height === 10)).toBe(true);
  });

  it("stamps a revoked credential's certificate, in the language asked for", async () => {
    const pdf = path.join(folder, "rita.pdf");
    const result = await cradle("credential", "AS-IFS-2026-0002", "--ob3", path.join(folder, "rita.json"), "--pdf", pdf, "--lang", "en");
    expect(result.code).toBe(0);
    const text = await pdfText(new Uint8Array(readFileSync(pdf)));
    expect(text).toContain("REVOKED");
    expect(text).toContain("since June 30, 2026: not valid");
  });

  it("says so and exits 1 for a number no credential has, writing nothing", async () => {
    const ob3 = path.join(folder, "unknown.json");
    const result = await cradle("credential", "AS-IFS-2026-9999", "--ob3", ob3);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No credential is numbered "AS-IFS-2026-9999"');
    expect(() => readFileSync(ob3)).toThrow();
  });

  it("exits 2 with the usage when --ob3 is missing", async () => {
    const result = await cradle("credential", "AS-IFS-2026-0001");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: npm run cradle -- credential <number> --ob3");
  });
});
