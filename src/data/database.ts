import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.ts";
import { SerialPGliteDialect } from "./pglite-serial-dialect.ts";
import { createPGliteInFolder, createPGliteInMemory } from "./pglite-template.ts";
import type { Database } from "./schema.ts";

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  driver: "pglite" | "postgres";
  /** Where the data lives, with any password removed, for logs and messages. */
  description: string;
  close: () => Promise<void>;
  /** PostgreSQL: how to open a connection of its own, for LISTEN (public-data-notices.ts). */
  noticeConnection?: pg.ClientConfig;
};

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** `DATABASE_URL` set: PostgreSQL through a pool. Otherwise the embedded PGlite in `<dataDir>/pglite`. */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPGliteFolder(options.dataDir);
}

export async function openPostgres(databaseUrl: string, searchPath?: string): Promise<DatabaseHandle> {
  const description = describePostgresUrl(databaseUrl);
  const connection: pg.ClientConfig = {
    connectionString: databaseUrl,
    connectionTimeoutMillis: 5000,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  };
  const pool = new pg.Pool({ ...connection, max: 10 });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it and the next query reports any outage.
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new DatabaseUnavailableError(
      `Cradle cannot reach PostgreSQL at ${description}: ${explainConnectionError(error)}. ` +
        "Check DATABASE_URL and that the server is running, or unset DATABASE_URL to use the embedded database.",
    );
  }
  return { db, driver: "postgres", description, close: () => db.destroy(), noticeConnection: connection };
}

async function openPGliteFolder(dataDir: string): Promise<DatabaseHandle> {
  const folder = path.resolve(dataDir, "pglite");
  mkdirSync(folder, { recursive: true });
  const lock: DataDirLock = await acquireDataDirLock(path.resolve(dataDir));
  try {
    const pglite = await createPGliteInFolder(folder);
    const db = new Kysely<Database>({ dialect: new SerialPGliteDialect({ pglite }) });
    return {
      db,
      driver: "pglite",
      description: folder,
      close: async () => {
        await db.destroy();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw new DatabaseUnavailableError(`Cradle cannot open the embedded database in ${folder}: ${explainConnectionError(error)}`);
  }
}

/** An in-memory PGlite, for tests and benchmarks. */
export async function openMemoryPGlite(): Promise<{ pglite: PGlite; db: Db }> {
  const pglite = await createPGliteInMemory();
  return { pglite, db: new Kysely<Database>({ dialect: new SerialPGliteDialect({ pglite }) }) };
}

export function describePostgresUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

function explainConnectionError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return explainConnectionError(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as Error & { code?: string }).code;
    return code ? `${code} ${error.message}` : error.message || error.name;
  }
  return String(error);
}
