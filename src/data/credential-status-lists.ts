import { randomInt } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "./database.ts";
import { firstFreePlace, statusListBits, statusListLength, statusPurposes } from "../domain/status-list.ts";
import type { StatusPurpose } from "./schema.ts";

const draws = 16;

/**
 * A free place in the association's status lists for a credential it issues, in the issuing
 * transaction (issuers of one association are already in line behind its number sequence's row;
 * the unique index is the backstop), and the lists themselves on its first credential. Random draws
 * first; a nearly full list is searched whole.
 */
export async function allocateStatusListIndex(db: Db, associationId: string): Promise<number> {
  await db
    .insertInto("credential_status_lists")
    .values(statusPurposes.map((purpose) => ({ association_id: associationId, purpose })))
    .onConflict((conflict) => conflict.doNothing())
    .execute();
  const candidates = Array.from({ length: draws }, () => randomInt(statusListLength));
  const taken = await db
    .selectFrom("credentials")
    .select("status_list_index")
    .where("association_id", "=", associationId)
    .where("status_list_index", "in", candidates)
    .execute();
  const drawn = firstFreePlace(candidates, new Set(taken.map((row) => row.status_list_index)));
  if (drawn !== undefined) return drawn;
  const { rows } = await sql<{ place: number }>`
    select place from generate_series(0, ${statusListLength - 1}) place
    where not exists (select 1 from credentials where association_id = ${associationId} and status_list_index = place)
    order by random() limit 1`.execute(db);
  if (!rows[0]) throw new Error(`The status list of association ${associationId} is full.`);
  return rows[0].place;
}

/**
 * Sets the credential's bits in its association's lists as its new status says, in the caller's
 * transaction, in one plain statement (bit n of a bit(n) string is the spec's bit n). A list's
 * version moves only when one of its bits flips.
 */
export async function setStatusListBits(db: Db, credentialId: string, status: string, now: Date): Promise<void> {
  const bits = statusListBits(status);
  const bit = sql<number>`case lists.purpose when 'revocation' then ${bits.revocation ? 1 : 0}::int else ${bits.suspension ? 1 : 0}::int end`;
  await sql`
    update credential_status_lists lists
    set bits = set_bit(lists.bits, credentials.status_list_index, ${bit}), version = lists.version + 1, updated_at = ${now}
    from credentials
    where credentials.id = ${credentialId} and lists.association_id = credentials.association_id
      and get_bit(lists.bits, credentials.status_list_index) <> ${bit}`.execute(db);
}

/** A list's version and when it last changed: enough to answer a conditional request or find the signed copy in memory. */
export function findStatusListVersion(db: Db, associationId: string, purpose: StatusPurpose) {
  return db
    .selectFrom("credential_status_lists")
    .select(["version", "updated_at"])
    .where("association_id", "=", associationId)
    .where("purpose", "=", purpose)
    .executeTakeFirst();
}

/** A list's bits as a string of 0s and 1s, and its version (read together, so they match). */
export function findStatusListBits(db: Db, associationId: string, purpose: StatusPurpose) {
  return db
    .selectFrom("credential_status_lists")
    .select(["bits", "version", "updated_at"])
    .where("association_id", "=", associationId)
    .where("purpose", "=", purpose)
    .executeTakeFirst();
}
