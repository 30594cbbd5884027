import type { Db } from "../data/database.ts";
import { pageAllMail, pageMailOfUser } from "../data/outbox.ts";
import type { SessionActor } from "../policies/actor.ts";
import { type ListQuery, listPage, pageRequest } from "./list-page.ts";

/** /inbox: one page of the messages written for the person, newest first, with their time in UTC. */
export async function inboxOf(db: Db, actor: SessionActor, list: ListQuery) {
  const page = await pageMailOfUser(db, actor.userId, pageRequest(list.query));
  return {
    page: listPage(page, list.misread),
    messages: page.rows.map((m) => ({ id: m.id, subject: m.subject, text: m.text_body, at: m.created_at.toISOString().slice(0, 16).replace("T", " ") })),
  };
}

/** /dev/mail (development only): one page of the messages to anyone, newest first. */
export async function recentMailForDevelopers(db: Db, list: ListQuery) {
  const page = await pageAllMail(db, pageRequest(list.query));
  return {
    page: listPage(page, list.misread),
    messages: page.rows.map((m) => ({ id: m.id, to: m.to_address, subject: m.subject, text: m.text_body, createdAt: m.created_at.toISOString() })),
  };
}
