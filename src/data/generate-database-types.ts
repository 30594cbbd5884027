import { generate, PostgresDialect } from "kysely-codegen";
import { openMemoryPGlite } from "./database.ts";
import { migrateToLatest } from "./migrate.ts";

/** Where `npm run db:types` writes the result, from the repository's root. */
export const databaseTypesFile = "src/data/database-types.generated.ts";

/**
 * The TypeScript of every table as the migrations leave it: migrates a fresh in-memory PGlite
 * and reads its catalogue with kysely-codegen. Kysely's own bookkeeping tables are left out.
 */
export async function generateDatabaseTypes(): Promise<string> {
  const { db } = await openMemoryPGlite();
  try {
    await migrateToLatest(db);
    return await generate({ db, dialect: new PostgresDialect(), outFile: null, excludePattern: "kysely_*" });
  } finally {
    await db.destroy();
  }
}
