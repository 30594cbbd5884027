import { randomBytes } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import { CompiledQuery, Kysely, sql } from "kysely";
import pg from "pg";
import { type DatabaseHandle, type Db, openPostgres } from "../../src/data/database.ts";
import { migrateToLatest } from "../../src/data/migrate.ts";
import { createPGliteInMemory } from "../../src/data/pglite-template.ts";
import { SerialPGliteDialect } from "../../src/data/pglite-serial-dialect.ts";
import type { Database } from "../../src/data/schema.ts";

const globalState = globalThis as typeof globalThis & { cradleTestPGlite?: Promise<PGlite> };

export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.CRADLE_TEST_DATABASE === "postgres" ? "postgres" : "pglite";
}

/**
 * A migrated, empty database for one test file: a new schema in the worker's shared PGlite, or
 * in the PostgreSQL of DATABASE_URL. close() drops the schema.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { db: Db }> {
  const schema = `test_${randomBytes(6).toString("hex")}`;
  if (testDatabaseKind() === "postgres") return openPostgresSchema(schema);
  const handle = await openPGliteSchema(schema);
  await migrateToLatest(handle.db, schema);
  return handle;
}

// Kysely's migrator looks at the tables of every schema; a schema another test worker drops in the
// meantime makes that look fail ("schema ... does not exist"). Creating, migrating and dropping
// test schemas therefore take turns, under one advisory lock of the server.
const schemaLock = 715_1201;

async function withSchemaLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [schemaLock]);
    return await work();
  } finally {
    await client.query("select pg_advisory_unlock($1)", [schemaLock]).catch(() => undefined);
    await client.end();
  }
}

async function openPGliteSchema(schema: string): Promise<DatabaseHandle> {
  globalState.cradleTestPGlite ??= createPGliteInMemory();
  const pglite = await globalState.cradleTestPGlite;
  await pglite.exec(`create schema ${schema}`);
  const db = new Kysely<Database>({
    dialect: new SerialPGliteDialect({
      pglite,
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw(`set search_path to ${schema}`));
      },
    }),
  });
  return {
    db,
    driver: "pglite",
    description: `pglite schema ${schema}`,
    close: async () => {
      // The PGlite instance outlives this file; only the schema goes.
      await pglite.exec(`drop schema ${schema} cascade; set search_path to public`);
    },
  };
}

async function openPostgresSchema(schema: string): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("CRADLE_TEST_DATABASE=postgres needs DATABASE_URL");
  const handle = await withSchemaLock(url, async () => {
    const opened = await openPostgres(url, schema);
    await sql.raw(`create schema ${schema}`).execute(opened.db);
    await migrateToLatest(opened.db, schema);
    return opened;
  });
  return {
    ...handle,
    description: `postgres schema ${schema}`,
    close: async () => {
      await withSchemaLock(url, () => sql.raw(`drop schema ${schema} cascade`).execute(handle.db));
      await handle.close();
    },
  };
}
