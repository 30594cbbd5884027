import { describe, expect, it } from "vitest";
import { type MaybeActor, person } from "../../../src/policies/actor.ts";

/**
 * The people and things every policy table is read against: two associations, A (home) and B, and
 * the same cast of people in each table, so the tables read as one permission matrix.
 *
 * The things belong to four people: "the applicant" (submitted to A, a reviewer assigned), another
 * member of A (submitted to A, nobody assigned), a member of A who has only a draft, and an
 * applicant of B. The columns of a table are these things; its rows are the cast.
 */
export const A = "a0000000-0000-4000-8000-00000000000a";
export const B = "b0000000-0000-4000-8000-00000000000b";

const ids = {
  applicant: "u-applicant",
  member: "u-member-a",
  drafter: "u-drafter-a",
  applicantOfB: "u-applicant-b",
  assignedReviewer: "u-reviewer-a-assigned",
  unassignedReviewer: "u-reviewer-a-unassigned",
  advisor: "u-advisor-a",
  formerReviewer: "u-former-reviewer-a",
  staff: "u-staff-a",
  admin: "u-admin-a",
  adminOfB: "u-admin-b",
  owner: "u-owner",
} as const;

/** Each kind of person a policy must tell apart. */
export const cast = {
  nobody: null,
  "the applicant (member of A)": person(ids.applicant, [{ association_id: A, role: "member" }]),
  "another member of A": person(ids.member, [{ association_id: A, role: "member" }]),
  "reviewer of A, assigned": person(ids.assignedReviewer, [{ association_id: A, role: "reviewer" }]),
  "reviewer of A, unassigned": person(ids.unassignedReviewer, [{ association_id: A, role: "reviewer" }]),
  "reviewer of A, advisor": person(ids.advisor, [{ association_id: A, role: "reviewer" }]),
  // Was a reviewer of A and assigned; the role was revoked since, the assignment stays (revoke-role keeps it).
  "former reviewer of A, still assigned": person(ids.formerReviewer, []),
  "staff of A": person(ids.staff, [{ association_id: A, role: "staff" }]),
  "admin of A": person(ids.admin, [{ association_id: A, role: "admin" }]),
  "admin of B": person(ids.adminOfB, [{ association_id: B, role: "admin" }]),
  "owner of the installation": person(ids.owner, [], true),
} satisfies Record<string, MaybeActor>;

export type CastMember = keyof typeof cast;

type Application = { id: string; user_id: string; association_id: string; status: "draft" | "submitted" | "in-review"; reviewers: string[] };
const applications: Application[] = [
  { id: "app-applicant-a", user_id: ids.applicant, association_id: A, status: "in-review", reviewers: [ids.assignedReviewer, ids.formerReviewer] },
  { id: "app-member-a", user_id: ids.member, association_id: A, status: "submitted", reviewers: [] },
  { id: "app-drafter-a", user_id: ids.drafter, association_id: A, status: "draft", reviewers: [] },
  { id: "app-applicant-b", user_id: ids.applicantOfB, association_id: B, status: "submitted", reviewers: [] },
];

/** The applications of the world, by whose they are (the table columns). */
export const applicationsOf = {
  "the applicant's, in A": applications[0]!,
  "another member's, in A": applications[1]!,
  "B's applicant's, in B": applications[3]!,
};

/** As `isAssignedReviewer` in src/data/applications.ts answers it: assigned, and still a reviewer of the association. */
export const isAssignedTo = (actor: MaybeActor, application: Application) =>
  actor !== null &&
  application.reviewers.includes(actor.userId) &&
  actor.roles.some((held) => held.association_id === application.association_id && held.role === "reviewer");

/** One document of each person, and what src/data/documents.ts tells the policy about its owner. */
export const documentsOf = {
  "the applicant's": { id: "doc-applicant", user_id: ids.applicant },
  "another member's (submitted to A)": { id: "doc-member", user_id: ids.member },
  "a drafter's (draft in A only)": { id: "doc-drafter", user_id: ids.drafter },
  "B's applicant's": { id: "doc-applicant-b", user_id: ids.applicantOfB },
};

/** As `associationsAppliedTo` and `reviewsApplicationsOf` answer: submitted (not draft) applications only. */
export function documentAccess(actor: MaybeActor, document: { user_id: string }) {
  const submitted = applications.filter((application) => application.user_id === document.user_id && application.status !== "draft");
  return {
    appliedAssociationIds: [...new Set(submitted.map((application) => application.association_id))],
    isAssignedReviewer: submitted.some((application) => isAssignedTo(actor, application)),
  };
}

/** The candidacies: the applicant's has the advisor. */
export const candidaciesOf = {
  "the applicant's, in A": { user_id: ids.applicant, association_id: A, advisor_user_id: ids.advisor },
  "another member's, in A": { user_id: ids.member, association_id: A, advisor_user_id: null },
  "a drafter's, in A, advised by the former reviewer": { user_id: ids.drafter, association_id: A, advisor_user_id: ids.formerReviewer },
  "B's applicant's, in B": { user_id: ids.applicantOfB, association_id: B, advisor_user_id: null },
};

export const yes = true;
export const no = false;

/** Rows that recur: a verdict the same for everyone, for anyone signed in, for the installation's owners alone. */
const every = (verdict: boolean) => Object.fromEntries(Object.keys(cast).map((member) => [member, verdict])) as Record<CastMember, boolean>;
export const everyone = every(yes);
export const anyoneSignedIn = { ...everyone, nobody: no };
export const ownerOnly = { ...every(no), "owner of the installation": yes };

/**
 * One permission table: for each person of the cast, whether the policy allows them each column.
 * Every person must have a row (the type says so), and a row has one verdict per column.
 */
export function permissionTable<Subject>(
  name: string,
  columns: Record<string, Subject>,
  decide: (actor: MaybeActor, subject: Subject) => boolean,
  table: Record<CastMember, readonly boolean[]>,
) {
  const labels = Object.keys(columns);
  describe(name, () => {
    it.each(Object.entries(table) as Array<[CastMember, readonly boolean[]]>)("%s", (who, row) => {
      expect(row, `the row of ${who} has one verdict per column (${labels.join(", ")})`).toHaveLength(labels.length);
      const actor = cast[who];
      const verdicts = Object.fromEntries(labels.map((label) => [label, decide(actor, columns[label]!) ? "allowed" : "refused"]));
      const expected = Object.fromEntries(labels.map((label, index) => [label, row[index] ? "allowed" : "refused"]));
      expect(verdicts).toEqual(expected);
    });
  });
}

/** A table for a policy that looks at nobody's thing, only at who asks. */
export function actorTable(name: string, decide: (actor: MaybeActor) => boolean, table: Record<CastMember, boolean>) {
  const rows = {} as Record<CastMember, readonly boolean[]>;
  for (const who of Object.keys(table) as CastMember[]) rows[who] = [table[who]];
  permissionTable(name, { "(anything)": null }, (actor) => decide(actor), rows);
}
