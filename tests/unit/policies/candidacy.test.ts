import { candidacyPolicy } from "../../../src/policies/candidacy.ts";
import { candidaciesOf, no, permissionTable, yes } from "./permission-matrix.ts";

// Columns: the applicant's, in A (advised by "reviewer of A, advisor") | another member's, in A (no advisor) | a drafter's, in A, advised by the former reviewer | B's applicant's, in B

permissionTable(
  "candidacyPolicy.viewProgress: the candidate, their advisor, the association's staff",
  candidaciesOf,
  (actor, candidacy) => candidacyPolicy.viewProgress(actor, candidacy),
  {
    nobody: [no, no, no, no],
    "the applicant (member of A)": [yes, no, no, no],
    "another member of A": [no, yes, no, no],
    "reviewer of A, assigned": [no, no, no, no],
    "reviewer of A, unassigned": [no, no, no, no],
    "reviewer of A, advisor": [yes, no, no, no],
    // Named advisor, but no longer holds a role in A: no longer follows the candidate.
    "former reviewer of A, still assigned": [no, no, no, no],
    "staff of A": [yes, yes, yes, no],
    "admin of A": [yes, yes, yes, no],
    "admin of B": [no, no, no, yes],
    // Doubt (see the report): the owner may list A's candidates (associationPolicy.actAsStaff) but not open one.
    "owner of the installation": [no, no, no, no],
  },
);
