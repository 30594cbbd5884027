import { createHash } from "node:crypto";
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase, openPostgres } from "../../src/data/database.ts";
import { migrateToLatest } from "../../src/data/migrate.ts";
import { migrations } from "../../src/data/migrations/index.ts";
import { loadFrameworks } from "../../src/frameworks/load-frameworks.ts";
import { writeVolume } from "./bulk-volume.ts";
import type { Volume } from "./cast.ts";

export type Driver = "pglite" | "postgres";

// Bump when bulk-volume.ts writes different rows, so cached databases are made again.
const generatorVersion = 3;

/** The name of a generated database: its volume, and the migrations and generator it was made with. */
function volumeKey(volume: Volume): string {
  const made = createHash("sha256")
    .update(`${generatorVersion}\n${Object.keys(migrations).join("\n")}`)
    .digest("hex")
    .slice(0, 10);
  return `a${volume.applicants}_m${volume.applications}_${made}`;
}

/** A database per volume and per cache folder, so runs with their own cache (tests) never share one. */
export function postgresDatabaseName(volume: Volume, cacheDir: string): string {
  return `cradle_bench_${volumeKey(volume)}_${createHash("sha256").update(path.resolve(cacheDir)).digest("hex").slice(0, 6)}`;
}

/**
 * The environment that points a server at a database holding the volume: a PGlite data folder
 * under `cacheDir`, or a PostgreSQL database named by the volume and the cache folder. Made on first use (under a
 * temporary name, renamed when complete), reused afterwards.
 */
export async function prepareVolume(
  driver: Driver,
  volume: Volume,
  where: { cacheDir: string; postgresUrl: string },
  log: (line: string) => void,
): Promise<Record<string, string>> {
  const key = volumeKey(volume);
  if (driver === "pglite") {
    const dataDir = path.join(where.cacheDir, `pglite_${key}`);
    if (!existsSync(dataDir)) {
      const building = `${dataDir}.building-${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      await fill(await openDatabase({ dataDir: building }), volume, log);
      renameSync(building, dataDir);
    }
    return { DATA_DIR: dataDir };
  }
  const name = postgresDatabaseName(volume, where.cacheDir);
  if (!(await databaseExists(where.postgresUrl, name))) {
    const building = `${name}_building_${process.pid}`;
    await adminQuery(where.postgresUrl, `drop database if exists ${building}`);
    await adminQuery(where.postgresUrl, `create database ${building}`);
    await fill(await openPostgres(withDatabase(where.postgresUrl, building)), volume, log);
    await adminQuery(where.postgresUrl, `alter database ${building} rename to ${name}`);
  }
  // PostgreSQL in production wants the signing keys' secret set (src/server/credential-key-secret.ts).
  return { DATABASE_URL: withDatabase(where.postgresUrl, name), CREDENTIAL_KEY_SECRET: "bench-credential-key-secret-of-32-characters" };
}

async function fill(handle: Awaited<ReturnType<typeof openDatabase>>, volume: Volume, log: (line: string) => void): Promise<void> {
  log(`generating ${volume.applicants} applicants and ${volume.applications} applications into ${handle.description} (made once, then reused)`);
  const everyTenth = Math.ceil(volume.applicants / 10);
  let nextLog = everyTenth;
  try {
    await migrateToLatest(handle.db);
    await writeVolume({ db: handle.db, now: () => new Date(), baseUrl: "http://localhost", frameworks: loadFrameworks() }, volume, (written) => {
      if (written < nextLog) return;
      log(`  ${written} applicants written`);
      nextLog += everyTenth;
    });
  } finally {
    await handle.close();
  }
}

export function withDatabase(postgresUrl: string, database: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function databaseExists(postgresUrl: string, name: string): Promise<boolean> {
  const rows = await adminQuery(postgresUrl, "select 1 from pg_database where datname = $1", [name]);
  return rows.length > 0;
}

async function adminQuery(postgresUrl: string, text: string, values: unknown[] = []): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: withDatabase(postgresUrl, "postgres") });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(text, values)).rows;
  } finally {
    await client.end();
  }
}
