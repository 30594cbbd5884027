import { documentPolicy } from "../../../src/policies/document.ts";
import { documentAccess, documentsOf, no, permissionTable, yes } from "./permission-matrix.ts";

// Columns: the applicant's | another member's (submitted to A) | a drafter's (draft in A only) | B's applicant's
// What the policy is told comes from the owner's submitted applications, as src/data/documents.ts reads them.

permissionTable(
  "documentPolicy.read: the owner, staff of an association the owner submitted to, a reviewer assigned to one of the owner's applications",
  documentsOf,
  (actor, document) => documentPolicy.read(actor, document, documentAccess(actor, document)),
  {
    nobody: [no, no, no, no],
    "the applicant (member of A)": [yes, no, no, no],
    "another member of A": [no, yes, no, no],
    "reviewer of A, assigned": [yes, no, no, no],
    "reviewer of A, unassigned": [no, no, no, no],
    // An advisor follows the candidate's progress, not their documents.
    "reviewer of A, advisor": [no, no, no, no],
    // An assignment counts only while the person is still a reviewer of the association.
    "former reviewer of A, still assigned": [no, no, no, no],
    "staff of A": [yes, yes, no, no],
    "admin of A": [yes, yes, no, no],
    "admin of B": [no, no, no, yes],
    "owner of the installation": [no, no, no, no],
  },
);
