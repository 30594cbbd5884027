import { setTimeout as delay } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { enqueueMail } from "../../src/data/outbox.ts";
import { mailLeaseMs, maxMailAttempts, retryDelayMs, startMailWorker } from "../../src/jobs/mail-worker.ts";
import { buildUser } from "../setup/builders.ts";
import { startSmtpInbox } from "../setup/smtp-inbox.ts";
import { createTestDatabase } from "../setup/test-database.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;

beforeAll(async () => {
  database = await createTestDatabase();
  inbox = await startSmtpInbox();
});
afterAll(async () => {
  await database?.close();
  await inbox?.close();
});

const logger = pino({ level: "silent" });
const mail = (to: string) => ({ kind: "test", userId: null, to, subject: `Hello ${to}`, text: "Plain body", html: "<p>Plain body</p>" });

async function outboxRow(to: string) {
  return database.db.selectFrom("outbox").selectAll().where("to_address", "=", to).executeTakeFirstOrThrow();
}

describe("outbox worker", () => {
  it("alone on its database, takes back at start what another worker claimed; sharing it, waits out the lease", async () => {
    const claimedAt = new Date();
    await database.db
      .insertInto("outbox")
      .values({ ...toRow(mail("claimed-by-the-dead@example.org")), next_attempt_at: new Date(claimedAt.getTime() + mailLeaseMs), claimed_by: "gone/1/x" })
      .execute();
    const sharing = startMailWorker({ db: database.db, smtpUrl: inbox.url, from: "c@example.org", logger, pollMs: 60_000 });
    await sharing.runOnce();
    await sharing.stop();
    expect((await outboxRow("claimed-by-the-dead@example.org")).status).toBe("pending");

    const alone = startMailWorker({ db: database.db, smtpUrl: inbox.url, from: "c@example.org", logger, pollMs: 60_000, isAloneOnDatabase: true });
    await alone.runOnce();
    await alone.stop();
    expect(await outboxRow("claimed-by-the-dead@example.org")).toMatchObject({ status: "sent", claimed_by: null });
    const received = await inbox.waitFor((m) => m.to.includes("claimed-by-the-dead@example.org"));
    expect(received.subject).toBe("Hello claimed-by-the-dead@example.org");
  });

  it("delivers through SMTP and marks the message sent", async () => {
    await enqueueMail(database.db, mail("one@example.org"));
    const worker = startMailWorker({ db: database.db, smtpUrl: inbox.url, from: "Cradle <no-reply@example.org>", logger, pollMs: 60_000 });
    await worker.runOnce();
    await worker.stop();
    const received = await inbox.waitFor((m) => m.to.includes("one@example.org"));
    expect(received).toMatchObject({ subject: "Hello one@example.org", from: "no-reply@example.org" });
    expect(received.text.trim()).toBe("Plain body");
    expect((await outboxRow("one@example.org")).status).toBe("sent");
  });

  it("keeps a refused message, retries it after a growing wait, and gives up after the last attempt", async () => {
    let clock = new Date("2026-11-23T10:00:00Z");
    await database.db
      .insertInto("outbox")
      .values({ ...toRow(mail("flaky@example.org")), next_attempt_at: clock })
      .execute();
    const worker = startMailWorker({ db: database.db, smtpUrl: inbox.url, from: "c@example.org", logger, now: () => clock, pollMs: 60_000 });
    inbox.refuseNext(1);
    await worker.runOnce();
    let row = await outboxRow("flaky@example.org");
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.next_attempt_at.getTime()).toBe(clock.getTime() + retryDelayMs(1));
    expect(row.last_error).toContain("451");

    await worker.runOnce();
    expect((await outboxRow("flaky@example.org")).attempts).toBe(1);

    clock = new Date(clock.getTime() + retryDelayMs(1));
    await worker.runOnce();
    row = await outboxRow("flaky@example.org");
    expect(row.status).toBe("sent");
    await inbox.waitFor((m) => m.to.includes("flaky@example.org"));

    await database.db
      .insertInto("outbox")
      .values({ ...toRow(mail("gone@example.org")), attempts: maxMailAttempts - 1, next_attempt_at: clock })
      .execute();
    inbox.refuseNext(1);
    await worker.runOnce();
    await worker.stop();
    expect(await outboxRow("gone@example.org")).toMatchObject({ status: "dead", attempts: maxMailAttempts });
  });

  it("sends a due mail while wakes keep arriving: a wake never pushes back a run already due", async () => {
    const worker = startMailWorker({ db: database.db, smtpUrl: inbox.url, from: "c@example.org", logger, pollMs: 60_000 });
    try {
      await worker.runOnce();
      await enqueueMail(database.db, mail("busy@example.org"));
      // Anonymous requests wake the worker this often (four loops posting to /verify-email).
      const loopEnds = Date.now() + 2000;
      let sentDuringLoop = false;
      while (Date.now() < loopEnds) {
        worker.wake();
        await delay(10);
        sentDuringLoop ||= inbox.received.some((m) => m.to.includes("busy@example.org"));
      }
      expect(sentDuringLoop).toBe(true);
      expect((await outboxRow("busy@example.org")).status).toBe("sent");
    } finally {
      await worker.stop();
    }
  });

  it("without SMTP_URL keeps mail for the dev mailbox and marks it handled", async () => {
    const user = await buildUser(database.db);
    await enqueueMail(database.db, { ...mail("dev@example.org"), userId: user.id });
    const worker = startMailWorker({ db: database.db, smtpUrl: undefined, from: "c@example.org", logger, pollMs: 60_000 });
    await worker.runOnce();
    await worker.stop();
    expect((await outboxRow("dev@example.org")).status).toBe("sent");
    expect(inbox.received.some((m) => m.to.includes("dev@example.org"))).toBe(false);
  });

  it("backs off 30 s, 1 min, 2 min ... and never more than 6 hours", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(6 * 3600 * 1000);
  });
});

function toRow(message: ReturnType<typeof mail>) {
  return { kind: message.kind, user_id: message.userId, to_address: message.to, subject: message.subject, text_body: message.text, html_body: message.html };
}
