import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openPostgres } from "../../src/data/database.ts";
import { buildUser, signIn } from "../setup/builders.ts";
import { HttpClient } from "../setup/http-client.ts";
import { internalDetail } from "../setup/internal-detail.ts";
import { copyMigratedDataDir } from "../setup/migrated-data-dir.ts";
import { startServerProcess } from "../setup/server-process.ts";

// The server process in its default mode (NODE_ENV unset: production), its database altered under it
// from outside, which only PostgreSQL allows (the embedded one is the server's alone).
describe.runIf(Boolean(process.env.DATABASE_URL))("error pages in production mode (the default)", () => {
  it("a failing loader answers 500 with no database message, SQL, stack frame or server path, as a page and as .data", async () => {
    const name = `cradle_errors_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const database = await openPostgres(url.href).catch(async (error: unknown) => {
      await admin.query(`drop database ${name} with (force)`);
      throw error;
    });
    try {
      const server = await startServerProcess({ DATA_DIR: copyMigratedDataDir(), DATABASE_URL: url.href });
      expect(server.output()).toContain('"mode":"production"');
      const user = await buildUser(database.db);
      const client = await HttpClient.open(server.url);
      await signIn(database.db, client, user.id);
      expect((await client.get("/portfolio")).status, "the page works before its table goes").toBe(200);
      await database.db.schema.alterTable("portfolios").renameTo("portfolios_gone").execute();
      for (const path of ["/portfolio", "/portfolio.data", "/progress", "/progress.data"]) {
        const page = await client.get(path);
        expect(page.status, path).toBe(500);
        for (const leak of internalDetail) expect(page.text, `${path} shows ${leak}`).not.toMatch(leak);
      }
      expect(server.output(), "the log has the error instead").toContain("portfolios");
    } finally {
      await database.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });
});
