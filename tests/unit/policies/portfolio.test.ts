import { portfolioPolicy } from "../../../src/policies/portfolio.ts";
import { actorTable, type CastMember, no, yes } from "./permission-matrix.ts";

/** A portfolio is always the actor's own: the policy asks only that someone is signed in; the routes read the actor's own. */
const signedIn: Record<CastMember, boolean> = {
  nobody: no,
  "the applicant (member of A)": yes,
  "another member of A": yes,
  "reviewer of A, assigned": yes,
  "reviewer of A, unassigned": yes,
  "reviewer of A, advisor": yes,
  "former reviewer of A, still assigned": yes,
  "staff of A": yes,
  "admin of A": yes,
  "admin of B": yes,
  "owner of the installation": yes,
};

actorTable("portfolioPolicy.editOwn: anyone signed in, on their own portfolio", portfolioPolicy.editOwn, signedIn);
actorTable("portfolioPolicy.viewOwnProgress: anyone signed in, on their own progress", portfolioPolicy.viewOwnProgress, signedIn);
