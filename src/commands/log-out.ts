import { z } from "zod";
import { deleteSession } from "../data/sessions.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";

/** A signed-in person ends the session they are using (their other sessions stay). */
export const logOut = defineCommand({
  name: "account.logged-out",
  actors: ["person"],
  input: z.object({ sessionIdHash: z.string().min(1) }),
  async run({ tx, actor, input }) {
    if (!(await deleteSession(tx, input.sessionIdHash, actor.userId))) return unchanged(false);
    return done({ type: "user", id: actor.userId }, true);
  },
});
