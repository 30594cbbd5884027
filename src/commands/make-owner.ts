import { z } from "zod";
import { findUserById, setOwner } from "../data/users.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";

/** The CLI (`create-owner`) or the demo seed makes an account an owner of this installation. */
export const makeOwner = defineCommand({
  name: "account.made-owner",
  actors: ["system"],
  input: z.object({ userId: z.uuid() }),
  async run({ tx, input }) {
    if (!(await findUserById(tx, input.userId))) refuse({ form: "error.noSuchUser" });
    if (!(await setOwner(tx, input.userId))) return unchanged(false);
    return done({ type: "user", id: input.userId }, true);
  },
});
