import { z } from "zod";
import { updateUserLocale } from "../data/users.ts";
import { localeInput } from "./shared/account-input.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";

/** A signed-in person chooses the language of their pages and mail (a visitor's choice is only a cookie). */
export const setLanguage = defineCommand({
  name: "account.language-changed",
  actors: ["person"],
  input: z.object({ locale: localeInput }),
  async run({ tx, actor, input }) {
    if (!(await updateUserLocale(tx, actor.userId, input.locale))) return unchanged(false);
    return done({ type: "user", id: actor.userId }, true, { locale: input.locale });
  },
});
