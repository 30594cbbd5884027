import { randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/data/database.ts";
import { HttpClient } from "../setup/http-client.ts";
import { copyMigratedDataDir } from "../setup/migrated-data-dir.ts";
import { startServerProcess } from "../setup/server-process.ts";
import { serverStartTimeoutMs } from "../setup/test-timeouts.ts";

/**
 * SIGKILL the server while sign-ups are in flight, start it again, and check that every account
 * has its confirmation link, its mail and its audit entry, and every acknowledged sign-up exists.
 */
async function killDuringSignUps(env: Record<string, string>, round: number) {
  // Behind a proxy, each sign-up from a client address of its own: sign-ups are limited per address (docs/security.md).
  const server = await startServerProcess({ TRUST_PROXY: "true", ...env });
  const client = await HttpClient.open(server.url);
  const acknowledged: string[] = [];
  let stop = false;
  const senders = Array.from({ length: 4 }, async (_, sender) => {
    for (let index = 0; !stop; index++) {
      const email = `r${round}-s${sender}-${index}@example.org`;
      try {
        const n = sender * 10_000 + index;
        const clientAddress = `10.${round}.${Math.floor(n / 256) % 256}.${n % 256}`;
        const page = await client.post("/signup", { name: "Crash Test", email, password: "a long enough password" }, { "x-forwarded-for": clientAddress });
        if (page.status === 200) acknowledged.push(email);
      } catch {
        return; // the server is gone
      }
    }
  });
  // Kill only once sign-ups are being acknowledged, so every round has writes to check.
  const deadline = Date.now() + serverStartTimeoutMs();
  while (acknowledged.length === 0 && Date.now() < deadline) await delay(20);
  await delay(200 + Math.random() * 600);
  server.child.kill("SIGKILL");
  stop = true;
  await Promise.all(senders);
  await server.exited;
  return acknowledged;
}

async function checkWholeAccounts(options: { dataDir: string; databaseUrl?: string }, acknowledged: string[]) {
  const restarted = await startServerProcess({ DATA_DIR: options.dataDir, ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}) });
  expect((await fetch(`${restarted.url}/healthz`)).status).toBe(200);
  restarted.child.kill("SIGTERM");
  await restarted.exited;

  const handle = await openDatabase(options);
  try {
    const users = await handle.db.selectFrom("users").select(["id", "email"]).execute();
    const tokens = await handle.db.selectFrom("email_tokens").select("user_id").where("purpose", "=", "verify-email").execute();
    const mails = await handle.db.selectFrom("outbox").select("user_id").where("kind", "=", "verify-email").execute();
    const audits = await handle.db.selectFrom("audit_log").select("subject_id").where("action", "=", "account.created").execute();
    const count = (ids: Array<string | null>) => ids.reduce((map, id) => map.set(id, (map.get(id) ?? 0) + 1), new Map<string | null, number>());
    const [tokenCount, mailCount, auditCount] = [
      count(tokens.map((t) => t.user_id)),
      count(mails.map((m) => m.user_id)),
      count(audits.map((a) => a.subject_id)),
    ];
    for (const user of users) {
      expect([tokenCount.get(user.id), mailCount.get(user.id), auditCount.get(user.id)], user.email).toEqual([1, 1, 1]);
    }
    expect(tokens.length + mails.length + audits.length).toBe(users.length * 3);
    const stored = new Set(users.map((user) => user.email));
    expect(acknowledged.length, "sign-ups acknowledged before the kill").toBeGreaterThan(0);
    expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
    return users.length;
  } finally {
    await handle.close();
  }
}

describe("killing the server during sign-up", () => {
  it("leaves whole accounts or none on the embedded database", async () => {
    const dataDir = copyMigratedDataDir("cradle-crash-");
    let total = 0;
    for (let round = 0; round < 3; round++) {
      const acknowledged = await killDuringSignUps({ DATA_DIR: dataDir }, round);
      total = await checkWholeAccounts({ dataDir }, acknowledged);
    }
    expect(total).toBeGreaterThan(0);
  });

  it.runIf(Boolean(process.env.DATABASE_URL))("leaves whole accounts or none on PostgreSQL", async () => {
    const name = `cradle_crash_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const dataDir = copyMigratedDataDir("cradle-crash-");
    try {
      const acknowledgedInAllRounds: string[] = [];
      let total = 0;
      for (let round = 0; round < 2; round++) {
        const acknowledged = await killDuringSignUps({ DATA_DIR: dataDir, DATABASE_URL: url.href }, round);
        acknowledgedInAllRounds.push(...acknowledged);
        total = await checkWholeAccounts({ dataDir, databaseUrl: url.href }, acknowledged);
      }
      expect(total).toBeGreaterThanOrEqual(acknowledgedInAllRounds.length);
    } finally {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });
});
