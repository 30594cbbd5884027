import { hasRole, type MaybeActor } from "./actor.ts";

type CandidacyRef = { user_id: string; association_id: string; advisor_user_id: string | null };

/**
 * A candidate's progress is seen by the candidate, their advisor while the advisor still holds a
 * role in the association (as when named), and the association's staff.
 */
export const candidacyPolicy = {
  viewProgress: (actor: MaybeActor, candidacy: CandidacyRef) =>
    actor !== null &&
    (actor.userId === candidacy.user_id ||
      (actor.userId === candidacy.advisor_user_id && hasRole(actor, candidacy.association_id, "reviewer", "staff", "admin")) ||
      hasRole(actor, candidacy.association_id, "staff", "admin")),
};
