import type { Db } from "../data/database.ts";
import { listMailOfUser, listRecentMail } from "../data/outbox.ts";
import type { SessionActor } from "../policies/actor.ts";

/** /inbox: every message written for the person, newest first, with its time in UTC. */
export async function inboxOf(db: Db, actor: SessionActor) {
  const messages = await listMailOfUser(db, actor.userId, 100);
  return messages.map((m) => ({ id: m.id, subject: m.subject, text: m.text_body, at: m.created_at.toISOString().slice(0, 16).replace("T", " ") }));
}

/** /dev/mail (development only): the latest messages to anyone. */
export async function recentMailForDevelopers(db: Db) {
  const messages = await listRecentMail(db, 50);
  return messages.map((m) => ({ id: m.id, to: m.to_address, subject: m.subject, text: m.text_body, createdAt: m.created_at.toISOString() }));
}
