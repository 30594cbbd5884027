import { randomUUID } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { sql } from "kysely";
import { credentialChange } from "../../src/domain/public-data.ts";
import { testDatabaseKind } from "./test-database.ts";
import type { TestApp } from "./test-app.ts";

/** What a visitor without a session gets, in a language (English unless a header says otherwise). */
export async function visitorSees(baseUrl: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}${path}`, { headers: { "accept-language": "en", ...headers } });
  return { status: response.status, etag: response.headers.get("etag"), cacheControl: response.headers.get("cache-control"), text: await response.text() };
}

/** Changes a person's name behind the commands' back: a public page still showing the old name came from the cache. */
export const renameBehindTheCommands = (app: TestApp, userId: string, name: string) =>
  app.services.db.updateTable("users").set({ name }).where("id", "=", userId).execute();

/**
 * On PostgreSQL, waits until the app has heard the notices of every change committed so far (such
 * as the builders' own): one arriving late would drop a page the test has just seen kept. Notices
 * come in commit order, so a marker heard comes after them; markers are sent until one is heard,
 * since the server may not be listening yet.
 */
export async function noticesDelivered(app: TestApp) {
  if (testDatabaseKind() !== "postgres") return;
  const cache = app.services.responseCache;
  const invalidate = cache.invalidate.bind(cache);
  let heard = false;
  cache.invalidate = (changed) => {
    invalidate(changed);
    if (changed.some((change) => change.startsWith("credential MARKER-"))) heard = true;
  };
  try {
    for (const deadline = Date.now() + 30_000; !heard; await delay(50)) {
      if (Date.now() > deadline) throw new Error("the server never heard a notice");
      await sql`select pg_notify('cradle_public_data_' || current_schema(), ${credentialChange(`MARKER-${randomUUID()}`)})`.execute(app.services.db);
    }
  } finally {
    cache.invalidate = invalidate;
  }
}

/**
 * Asks for the page until it is kept (on PostgreSQL the cache is used once the server listens for
 * notices): a rename of `holder` behind the commands' back that does not show means the answer came
 * from memory. `baseUrl` is another server's, to wait for its cache.
 */
export async function untilKept(app: TestApp, path: string, holder: { id: string; name: string }, baseUrl = app.url) {
  await noticesDelivered(app);
  for (let attempt = 0, deadline = Date.now() + 30_000; Date.now() < deadline; attempt++, await delay(50)) {
    await visitorSees(baseUrl, path);
    // A new name each time: a copy kept before the listener was ready may hold an earlier one.
    const quietName = `Renamed Quietly ${attempt}`;
    await renameBehindTheCommands(app, holder.id, quietName);
    const kept = !(await visitorSees(baseUrl, path)).text.includes(quietName);
    await renameBehindTheCommands(app, holder.id, holder.name);
    if (kept) return;
  }
  throw new Error(`${path} at ${baseUrl} was never kept`);
}
