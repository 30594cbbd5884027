import pg from "pg";

/** CI's first test step: PostgreSQL must answer, so the PostgreSQL half of the suite cannot be skipped quietly. */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: CI must run the integration tests on PostgreSQL too.");
  process.exit(1);
}
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query<{ version: string }>("select version()");
  console.log(`PostgreSQL answers: ${rows[0]?.version}`);
} catch (error) {
  console.error(`PostgreSQL at ${new URL(url).host} cannot be reached: ${(error as Error).message}`);
  process.exit(1);
} finally {
  await client.end().catch(() => undefined);
}
