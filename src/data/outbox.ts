import { sql } from "kysely";
import type { Db } from "./database.ts";
import { type KeysetOrder, orderKey, type PageRequest, readPage } from "./keyset.ts";

export type OutgoingMail = {
  kind: string;
  userId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
};

/** Call inside the transaction of the change that causes the mail: both commit or neither does. */
export async function enqueueMail(db: Db, mail: OutgoingMail) {
  await db
    .insertInto("outbox")
    .values({
      kind: mail.kind,
      user_id: mail.userId,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      // Milliseconds, as the worker's clock counts: a microsecond-precise time could be "later" than the worker's now.
      next_attempt_at: sql<Date>`date_trunc('milliseconds', now())`,
    })
    .execute();
}

/**
 * Takes up to `limit` due messages for `workerId` and pushes their next attempt forward by the lease,
 * so no other worker takes them meanwhile; a claim whose lease ran out (its worker died) is due again.
 */
export async function claimDueMail(db: Db, now: Date, leaseMs: number, limit: number, workerId: string) {
  return db.transaction().execute(async (tx) => {
    const due = await tx
      .selectFrom("outbox")
      .select(["id", "to_address", "subject", "text_body", "html_body", "attempts"])
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length > 0) {
      await tx
        .updateTable("outbox")
        .set({ next_attempt_at: new Date(now.getTime() + leaseMs), claimed_by: workerId })
        .where("id", "in", due.map((message) => message.id))
        .execute();
    }
    return due;
  });
}

/** Extends the lease of what `workerId` still holds (one message, or all of them); false when that message is no longer its own. */
export async function renewMailClaims(db: Db, workerId: string, until: Date, id?: string): Promise<boolean> {
  let renewal = db.updateTable("outbox").set({ next_attempt_at: until }).where("status", "=", "pending").where("claimed_by", "=", workerId);
  if (id !== undefined) renewal = renewal.where("id", "=", id);
  const result = await renewal.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Makes every message claimed by another worker than `workerId` due now. Only for a worker that is
 * alone on its database (the embedded one, whose data folder this process has locked): any other
 * claim was made by a process that is gone, and its messages should not wait out the lease.
 */
export async function releaseMailClaimsOfOthers(db: Db, workerId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable("outbox")
    .set({ next_attempt_at: now, claimed_by: null })
    .where("status", "=", "pending")
    .where("claimed_by", "is not", null)
    .where("claimed_by", "<>", workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function markMailSent(db: Db, id: string, now: Date) {
  await db.updateTable("outbox").set({ status: "sent", sent_at: now, last_error: null, claimed_by: null }).where("id", "=", id).execute();
}

export async function markMailFailed(db: Db, id: string, attempts: number, error: string, retryAt: Date | null) {
  await db
    .updateTable("outbox")
    .set({ attempts, last_error: error.slice(0, 2000), status: retryAt ? "pending" : "dead", claimed_by: null, ...(retryAt ? { next_attempt_at: retryAt } : {}) })
    .where("id", "=", id)
    .execute();
}

const newestMailFirst: KeysetOrder = { direction: "desc", keys: [orderKey(sql.ref("outbox.created_at"), "timestamp"), orderKey(sql.ref("outbox.id"), "uuid")] };

/** One page of every message written, newest first (the dev mailbox). */
export function pageAllMail(db: Db, request: PageRequest) {
  return readPage(db.selectFrom("outbox").select(["id", "to_address", "subject", "text_body", "status", "created_at"]), newestMailFirst, request);
}

/** The in-app inbox: one page of the messages written for this person, newest first (mail may be blocked on the way). */
export function pageMailOfUser(db: Db, userId: string, request: PageRequest) {
  return readPage(db.selectFrom("outbox").select(["id", "subject", "text_body", "created_at", "status"]).where("user_id", "=", userId), newestMailFirst, request);
}
