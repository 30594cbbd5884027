import { portfolioPolicy } from "../../../src/policies/portfolio.ts";
import { actorTable, anyoneSignedIn } from "./permission-matrix.ts";

/** A portfolio is always the actor's own: the policy asks only that someone is signed in; the routes read the actor's own. */
actorTable("portfolioPolicy.editOwn: anyone signed in, on their own portfolio", portfolioPolicy.editOwn, anyoneSignedIn);
actorTable("portfolioPolicy.viewOwnProgress: anyone signed in, on their own progress", portfolioPolicy.viewOwnProgress, anyoneSignedIn);
