import { applicationPolicy } from "../../../src/policies/application.ts";
import { actorTable, anyoneSignedIn, applicationsOf, isAssignedTo, no, permissionTable, yes } from "./permission-matrix.ts";

// Columns:                                     the applicant's, in A | another member's, in A | B's applicant's, in B
// (the applicant's application has the assigned reviewer and the former reviewer on it; the others nobody)

actorTable("applicationPolicy.applyAsMember: anyone signed in may apply", applicationPolicy.applyAsMember, anyoneSignedIn);

permissionTable(
  "applicationPolicy.readFile: the frozen file, for the association's staff and the reviewers assigned to it",
  applicationsOf,
  (actor, application) => applicationPolicy.readFile(actor, application, isAssignedTo(actor, application)),
  {
    nobody: [no, no, no],
    // The applicant reads their own application at /applications/:id, never the reviewers' file.
    "the applicant (member of A)": [no, no, no],
    "another member of A": [no, no, no],
    "reviewer of A, assigned": [yes, no, no],
    "reviewer of A, unassigned": [no, no, no],
    "reviewer of A, advisor": [no, no, no],
    // An assignment counts only while the person is still a reviewer of the association.
    "former reviewer of A, still assigned": [no, no, no],
    "staff of A": [yes, yes, no],
    "admin of A": [yes, yes, no],
    "admin of B": [no, no, yes],
    "owner of the installation": [no, no, no],
  },
);

permissionTable(
  "applicationPolicy.readContact: the applicant's email, for the association's staff only",
  applicationsOf,
  (actor, application) => applicationPolicy.readContact(actor, application),
  {
    nobody: [no, no, no],
    "the applicant (member of A)": [no, no, no],
    "another member of A": [no, no, no],
    "reviewer of A, assigned": [no, no, no],
    "reviewer of A, unassigned": [no, no, no],
    "reviewer of A, advisor": [no, no, no],
    "former reviewer of A, still assigned": [no, no, no],
    "staff of A": [yes, yes, no],
    "admin of A": [yes, yes, no],
    "admin of B": [no, no, yes],
    "owner of the installation": [no, no, no],
  },
);
