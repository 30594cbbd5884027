import type { MaybeActor } from "./actor.ts";

/** An applicant sees and acts on their own applications; staff and reviewers come with the review issue. */
export const applicationPolicy = {
  applyAsMember: (actor: MaybeActor) => actor !== null,
};
