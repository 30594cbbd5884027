import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { applicationStatuses } from "../../src/domain/application-lifecycle.ts";
import { buildDraftApplication } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

describe("the database allows exactly the lifecycle's statuses", () => {
  it("accepts every status of the table and refuses any other", async () => {
    const { applicationId } = await buildDraftApplication(app);
    const setStatus = (status: string) => sql`update applications set status = ${status} where id = ${applicationId}`.execute(app.services.db);
    for (const status of applicationStatuses) await setStatus(status);
    await expect(setStatus("approved")).rejects.toThrow(/applications_status_check/);
  });

  it("names the same statuses in its check constraint as the domain does (a new status needs a migration)", async () => {
    const { rows } = await sql<{
      definition: string;
    }>`select pg_get_constraintdef(oid) as definition from pg_constraint where conname = 'applications_status_check' and conrelid = 'applications'::regclass`.execute(
      app.services.db,
    );
    const named = [...rows[0]!.definition.matchAll(/'([^']+)'/g)].map((match) => match[1]);
    expect([...named].sort()).toEqual([...applicationStatuses].sort());
  });
});
