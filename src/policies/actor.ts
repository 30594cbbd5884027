import type { AssociationRole } from "../data/schema.ts";

/** Who is asking: a signed-in person with the roles they hold, or nobody. */
export type SessionActor = {
  userId: string;
  isOwner: boolean;
  roles: ReadonlyArray<{ association_id: string; role: AssociationRole }>;
};

export type MaybeActor = SessionActor | null;

export function hasRole(actor: MaybeActor, associationId: string, ...roles: AssociationRole[]): boolean {
  return actor?.roles.some((held) => held.association_id === associationId && roles.includes(held.role)) ?? false;
}
