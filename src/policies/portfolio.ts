import type { MaybeActor } from "./actor.ts";

/** A portfolio belongs to its person; staff and reviewers will see it through applications (a later issue). */
export const portfolioPolicy = {
  editOwn: (actor: MaybeActor) => actor !== null,
  viewOwnProgress: (actor: MaybeActor) => actor !== null,
};
