import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { listCredentialStatusChanges } from "../../src/data/credentials.ts";
import { openDatabase } from "../../src/data/database.ts";
import { copyMigratedDataDir } from "../setup/migrated-data-dir.ts";

describe("npm run seed:demo", () => {
  it("takes demo holders through review to endorsement: it prints an active, a lapsed and a revoked credential, and stays so when run again", async () => {
    const dataDir = copyMigratedDataDir("cradle-seed-demo-");
    const seed = () => promisify(execFile)(process.execPath, ["src/cli/seed-demo.ts"], { env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir } });
    const printed = (stdout: string) => [...stdout.matchAll(/^ {2}(SC-IFS-\d{4}-\d{4}) {2}(\w+)/gm)].map(([, number, status]) => ({ number, status }));
    const first = printed((await seed()).stdout);
    expect(first.map((credential) => credential.status)).toEqual(["active", "lapsed", "revoked"]);
    expect(printed((await seed()).stdout)).toEqual(first);

    const { db, close } = await openDatabase({ dataDir });
    try {
      const credentials = await db.selectFrom("credentials").select(["id", "number", "status", "application_id", "published"]).orderBy("number").execute();
      expect(credentials.map(({ number, status }) => ({ number, status }))).toEqual(first);
      expect(credentials.every((credential) => credential.application_id !== null)).toBe(true);
      const [active, lapsed, revoked] = credentials;
      // The active holder chose the association's public registry.
      expect(active!.published).toEqual(["issued", "registry"]);
      // The daily job lapsed one (no person), staff revoked the other with a reason.
      expect((await listCredentialStatusChanges(db, lapsed!.id)).at(-1)).toMatchObject({ from_status: "active", to_status: "lapsed", changed_by: null });
      expect((await listCredentialStatusChanges(db, revoked!.id)).at(-1)).toMatchObject({
        from_status: "active",
        to_status: "revoked",
        reason: expect.any(String),
      });
      expect(await db.selectFrom("audit_log").select("action").where("action", "=", "credential.revoked").execute()).toHaveLength(1);
    } finally {
      await close();
    }
  });
});
