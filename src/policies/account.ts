import type { MaybeActor } from "./actor.ts";

export const accountPolicy = {
  viewOwnAccount: (actor: MaybeActor) => actor !== null,
  /**
   * The dev mailbox shows every outgoing message, links included: owners only, and only while it is
   * open (no SMTP_URL and BASE_URL on this machine: config.hasDevMailbox).
   */
  readDevMailbox: (actor: MaybeActor, hasDevMailbox: boolean) => hasDevMailbox && actor?.isOwner === true,
};
