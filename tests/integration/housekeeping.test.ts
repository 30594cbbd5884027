import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createToken } from "../../src/auth/tokens.ts";
import { insertEmailToken } from "../../src/data/email-tokens.ts";
import { recordHit } from "../../src/data/rate-limits.ts";
import { insertSession } from "../../src/data/sessions.ts";
import { purgeExpiredRecords } from "../../src/jobs/housekeeping.ts";
import { buildUser } from "../setup/builders.ts";
import { createTestDatabase } from "../setup/test-database.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const now = new Date("2026-11-23T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);

describe("housekeeping", () => {
  it("drops expired sessions, week-old links and finished rate-limit windows, and keeps the rest", async () => {
    const { db } = database;
    const user = await buildUser(db);
    await insertSession(db, { idHash: "expired", userId: user.id, expiresAt: daysAgo(1) });
    await insertSession(db, { idHash: "live", userId: user.id, expiresAt: daysAgo(-1) });
    await insertEmailToken(db, { userId: user.id, purpose: "verify-email", tokenHash: createToken().hash, expiresAt: daysAgo(8) });
    const recent = createToken().hash;
    await insertEmailToken(db, { userId: user.id, purpose: "reset-password", tokenHash: recent, expiresAt: daysAgo(2) });
    await recordHit(db, "old", 60_000, daysAgo(2));
    await recordHit(db, "current", 60_000, now);

    await purgeExpiredRecords(db, now);

    expect((await db.selectFrom("sessions").select("id").execute()).map((row) => row.id)).toEqual(["live"]);
    expect((await db.selectFrom("email_tokens").select("token_hash").execute()).map((row) => row.token_hash)).toEqual([recent]);
    expect((await db.selectFrom("rate_limits").select("key").execute()).map((row) => row.key)).toEqual(["current"]);
  });
});
