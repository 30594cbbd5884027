import { associationPolicy } from "../../../src/policies/association.ts";
import { A, actorTable, B, everyone, no, ownerOnly, permissionTable, yes } from "./permission-matrix.ts";

// Columns: association A | association B
const associations = { "association A": { id: A }, "association B": { id: B } };

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
