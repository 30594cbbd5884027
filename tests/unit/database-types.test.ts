import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseTypesFile, generateDatabaseTypes } from "../../src/data/generate-database-types.ts";

const committed = readFileSync(path.resolve(import.meta.dirname, "../..", databaseTypesFile), "utf8");

describe("the generated table types", () => {
  it("match what the migrations create (else run npm run db:types and commit the file)", async () => {
    expect(await generateDatabaseTypes()).toBe(committed);
  });

  it("come from the migrated catalogue: a default makes a column Generated, Kysely's own tables are left out", () => {
    expect(committed).toMatch(/export interface Users \{[^}]*\n {2}is_owner: Generated<boolean>;/);
    expect(committed).toMatch(/export interface DB \{[^}]*\n {2}rate_limits: RateLimits;/);
    expect(committed).not.toContain("kysely_migration");
  });
});
