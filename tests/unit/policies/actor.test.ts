import { describe, expect, it } from "vitest";
import { hasRole, person } from "../../../src/policies/actor.ts";
import { A, B, no, permissionTable, yes } from "./permission-matrix.ts";

// Columns: in A | in B
const associations = { "in A": A, "in B": B };

permissionTable("hasRole(staff, admin): one of the roles named, in that association", associations, (actor, id) => hasRole(actor, id, "staff", "admin"), {
  nobody: [no, no],
  "the applicant (member of A)": [no, no],
  "another member of A": [no, no],
  "reviewer of A, assigned": [no, no],
  "reviewer of A, unassigned": [no, no],
  "reviewer of A, advisor": [no, no],
  "former reviewer of A, still assigned": [no, no],
  "staff of A": [yes, no],
  "admin of A": [yes, no],
  "admin of B": [no, yes],
  // Being the installation's owner is not a role in an association.
  "owner of the installation": [no, no],
});

// Doubt (see the report): roles are not ranked; staff and admins of A are not "members" of A (enrol-candidate asks for "member").
permissionTable("hasRole(member): the member role itself, not any higher one", associations, (actor, id) => hasRole(actor, id, "member"), {
  nobody: [no, no],
  "the applicant (member of A)": [yes, no],
  "another member of A": [yes, no],
  "reviewer of A, assigned": [no, no],
  "reviewer of A, unassigned": [no, no],
  "reviewer of A, advisor": [no, no],
  "former reviewer of A, still assigned": [no, no],
  "staff of A": [no, no],
  "admin of A": [no, no],
  "admin of B": [no, no],
  "owner of the installation": [no, no],
});

describe("person()", () => {
  it("is, unless told otherwise, a person with no roles who is not an owner", () => {
    expect(person("someone")).toEqual({ kind: "person", userId: "someone", isOwner: false, roles: [] });
  });

  it("holds several roles at once, each in its association", () => {
    const both = person("both", [
      { association_id: A, role: "member" },
      { association_id: A, role: "staff" },
      { association_id: B, role: "reviewer" },
    ]);
    expect([
      hasRole(both, A, "member"),
      hasRole(both, A, "staff"),
      hasRole(both, A, "reviewer"),
      hasRole(both, B, "reviewer"),
      hasRole(both, B, "staff"),
    ]).toEqual([yes, yes, no, yes, no]);
  });
});
