import type { AssociationRole } from "../data/schema.ts";

/** The roles a person can hold in an association, from least to most. */
export const associationRoles = ["member", "reviewer", "staff", "admin"] as const satisfies readonly AssociationRole[];

/** A signed-in person with the roles they hold. */
export type SessionActor = {
  kind: "person";
  userId: string;
  isOwner: boolean;
  roles: ReadonlyArray<{ association_id: string; role: AssociationRole }>;
};

/** Someone acting through an emailed link (a rater, a provider confirming hours, a link to set a password). */
export type LinkHolder = { kind: "link"; purpose: LinkPurpose; linkId: string | null };
export type LinkPurpose = "reference" | "verify-entry" | "confirm-entries" | "verify-email" | "reset-password";

/** Someone not signed in (signing up, logging in, asking for a reset). */
export type Visitor = { kind: "visitor"; clientIp: string };

/** Cradle itself: a job, the CLI, the demo seed. */
export type SystemActor = { kind: "system"; job: string };

/** Whoever runs a command; the audit log records which. */
export type Actor = SessionActor | LinkHolder | Visitor | SystemActor;

export type MaybeActor = SessionActor | null;

export const systemActor = (job: string): SystemActor => ({ kind: "system", job });

export function person(userId: string, roles: SessionActor["roles"] = [], isOwner = false): SessionActor {
  return { kind: "person", userId, isOwner, roles };
}

export function hasRole(actor: MaybeActor, associationId: string, ...roles: AssociationRole[]): boolean {
  return actor?.roles.some((held) => held.association_id === associationId && roles.includes(held.role)) ?? false;
}
