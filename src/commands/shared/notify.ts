import type { Db } from "../../data/database.ts";
import { enqueueMail } from "../../data/outbox.ts";
import type { Locale } from "../../data/schema.ts";
import { findUserById } from "../../data/users.ts";
import type { Message } from "../../i18n/translate.ts";
import { noticeMail } from "../../mail/templates.ts";
import type { CommandContext } from "../command-context.ts";

/**
 * Tells a person with an account what happened, by mail and in their in-app inbox (the same outbox
 * row), rendered once from the catalogue in their language, else `fallbackLocale`. Returns the
 * person, for callers that name them.
 */
export async function notifyUser(tx: Db, context: CommandContext, userId: string, kind: string, what: Message, path: string, fallbackLocale: Locale = "en") {
  const user = await findUserById(tx, userId);
  if (user)
    await enqueueMail(tx, {
      kind,
      userId: user.id,
      to: user.email,
      ...noticeMail(user.locale ?? fallbackLocale, user.name, what, `${context.baseUrl}${path}`),
    });
  return user;
}
