import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openPostgres } from "../../src/data/database.ts";
import { migrateToLatest } from "../../src/data/migrate.ts";
import { associationFormFields, buildAssociation, buildUser, signIn } from "../setup/builders.ts";
import { HttpClient } from "../setup/http-client.ts";
import { killServerProcess, startServerProcess } from "../setup/server-process.ts";

/** How long a server may take to hear another's notice; generous for a busy machine, raised by CRADLE_TEST_NOTICE_TIMEOUT_MS. */
const noticeTimeoutMs = Number(process.env.CRADLE_TEST_NOTICE_TIMEOUT_MS ?? 30_000);

async function pageText(baseUrl: string, pathname: string): Promise<string> {
  return (await fetch(new URL(pathname, baseUrl))).text();
}

/** Asks again until the page shows `text`, and fails naming what it showed last when the time is up. */
async function untilShown(baseUrl: string, pathname: string, text: string): Promise<void> {
  const deadline = Date.now() + noticeTimeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    last = await pageText(baseUrl, pathname);
    if (last.includes(text)) return;
    await delay(50);
  }
  throw new Error(`${pathname} at ${baseUrl} did not show "${text}" within ${noticeTimeoutMs} ms; it showed:\n${last.slice(0, 2000)}`);
}

describe.runIf(Boolean(process.env.DATABASE_URL))("the public page cache of two servers on one PostgreSQL database", () => {
  it("shows at the other server's next answers what a command changed through one", async () => {
    const name = `cradle_cache_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const database = await openPostgres(url.href);
    const servers: Array<Awaited<ReturnType<typeof startServerProcess>>> = [];
    try {
      await migrateToLatest(database.db);
      const owner = await buildUser(database.db, { isOwner: true });
      await buildAssociation(database.db, { name: "Before The Edit", slug: "across" });
      const env = { DATABASE_URL: url.href, SESSION_SECRET: "test-secret-that-is-at-least-32-characters-long", LOG_LEVEL: "info" };
      for (const prefix of ["cradle-one-", "cradle-other-"])
        servers.push(await startServerProcess({ ...env, DATA_DIR: mkdtempSync(path.join(tmpdir(), prefix)) }));
      const [one, other] = servers as [(typeof servers)[0], (typeof servers)[0]];

      // The other server keeps its page once it listens for notices: a change behind the commands' back does not show there.
      const deadline = Date.now() + noticeTimeoutMs;
      for (;;) {
        expect(await pageText(other.url, "/a/across")).toContain("Before The Edit");
        expect(await pageText(other.url, "/")).toContain("Before The Edit");
        await database.db.updateTable("associations").set({ name: "Renamed Quietly" }).where("slug", "=", "across").execute();
        const kept = await pageText(other.url, "/a/across");
        await database.db.updateTable("associations").set({ name: "Before The Edit" }).where("slug", "=", "across").execute();
        if (kept.includes("Before The Edit")) break;
        if (Date.now() > deadline) throw new Error(`the other server never kept its page within ${noticeTimeoutMs} ms`);
        await delay(100);
      }

      const ownerBrowser = await HttpClient.open(one.url);
      await signIn(database.db, ownerBrowser, owner.id);
      expect((await ownerBrowser.post("/owner/associations/across", associationFormFields("across", "After The Edit"))).status).toBe(302);
      expect(await pageText(one.url, "/a/across")).toContain("After The Edit");
      await untilShown(other.url, "/a/across", "After The Edit");
      await untilShown(other.url, "/", "After The Edit");

      expect((await ownerBrowser.post("/owner/associations", associationFormFields("newly-published", "Newly Published"))).status).toBe(200);
      await untilShown(other.url, "/", "Newly Published");
      await untilShown(other.url, "/a/newly-published", "Newly Published");
    } finally {
      for (const server of servers) await killServerProcess(server);
      await database.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });
});
