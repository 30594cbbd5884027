import { associationPolicy } from "../../../src/policies/association.ts";
import { A, actorTable, B, no, permissionTable, yes } from "./permission-matrix.ts";

// Columns: association A | association B
const associations = { "association A": { id: A }, "association B": { id: B } };
const everyone = {
  nobody: yes,
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
const ownerOnly = {
  ...everyone,
  nobody: no,
  "the applicant (member of A)": no,
  "another member of A": no,
  "reviewer of A, assigned": no,
  "reviewer of A, unassigned": no,
  "reviewer of A, advisor": no,
  "former reviewer of A, still assigned": no,
  "staff of A": no,
  "admin of A": no,
  "admin of B": no,
};

actorTable("associationPolicy.viewPublicPage: anyone, signed in or not", () => associationPolicy.viewPublicPage(), everyone);
actorTable("associationPolicy.listAll: the installation's owners", associationPolicy.listAll, ownerOnly);
actorTable("associationPolicy.create: the installation's owners", associationPolicy.create, ownerOnly);
// Doubt (see the report): an association's own admin may not edit its name, contact or fee.
actorTable("associationPolicy.update: the installation's owners, not the association's admins", associationPolicy.update, ownerOnly);

const staffPages = {
  nobody: [no, no],
  "the applicant (member of A)": [no, no],
  "another member of A": [no, no],
  // Reviewers reach their assigned files by the link in their inbox, not through the staff pages.
  "reviewer of A, assigned": [no, no],
  "reviewer of A, unassigned": [no, no],
  "reviewer of A, advisor": [no, no],
  "former reviewer of A, still assigned": [no, no],
  "staff of A": [yes, no],
  "admin of A": [yes, no],
  "admin of B": [no, yes],
  // Doubt (see the report): the owner sees every association's people, applications and fees.
  "owner of the installation": [yes, yes],
} as const;

permissionTable("associationPolicy.viewPeople: the association's staff and admins, and the owners", associations, associationPolicy.viewPeople, staffPages);
permissionTable("associationPolicy.actAsStaff: the association's staff and admins, and the owners", associations, associationPolicy.actAsStaff, staffPages);

permissionTable("associationPolicy.manageRoles: the association's admins and the owners, not its staff", associations, associationPolicy.manageRoles, {
  ...staffPages,
  "staff of A": [no, no],
});
