import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { refreshPlannerStatistics } from "../../src/data/planner-statistics.ts";
import { buildUser } from "../setup/builders.ts";
import { createTestDatabase } from "../setup/test-database.ts";

const database = await createTestDatabase();
afterAll(() => database.close());
const { db } = database;

/** What the planner believes the users table holds (-1 or 0: never looked). */
async function plannedUserRows() {
  const { rows } = await sql<{ reltuples: number }>`select reltuples from pg_class where oid = 'users'::regclass`.execute(db);
  return Number(rows[0]!.reltuples);
}

describe("the query planner's statistics", () => {
  it("follow a table that grew from empty once refreshed (the embedded database has no autovacuum to do it)", async () => {
    for (let i = 0; i < 120; i++) await buildUser(db);
    await refreshPlannerStatistics(db);
    expect(await plannedUserRows()).toBe(120);
  });
});
