import type { MaybeActor } from "./actor.ts";

export const accountPolicy = {
  viewOwnAccount: (actor: MaybeActor) => actor !== null,
  /** The dev mailbox shows every outgoing message, links included: owners only, never in production. */
  readDevMailbox: (actor: MaybeActor, isProduction: boolean) => !isProduction && actor?.isOwner === true,
};
