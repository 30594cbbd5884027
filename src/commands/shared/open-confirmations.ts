import { listAccessLinksOfUser, listOpenBatchEntriesOfUser } from "../../data/access-links.ts";
import type { Db } from "../../data/database.ts";
import { mailboxKey } from "./mail-to-strangers.ts";

/**
 * The entries of a person that an open confirmation link to this mailbox already asks about,
 * one entry at a time or several at once: asking again would be a second mail for nothing.
 */
export async function entriesAskedOf(tx: Db, userId: string, email: string, now: Date): Promise<Set<string>> {
  const recipient = mailboxKey(email);
  const [single, batched] = await Promise.all([listAccessLinksOfUser(tx, userId, "verify-entry"), listOpenBatchEntriesOfUser(tx, userId, now)]);
  const asked = new Set<string>();
  for (const link of single) if (!link.completed_at && link.expires_at > now && mailboxKey(link.recipient_email) === recipient) asked.add(link.entry_id);
  for (const row of batched) if (mailboxKey(row.recipient_email) === recipient) asked.add(row.entry_id);
  return asked;
}
