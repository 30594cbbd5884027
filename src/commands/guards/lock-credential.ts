import type { Db } from "../../data/database.ts";
import { findCredentialOfAssociationForUpdate, findCredentialOfUserForUpdate } from "../../data/credentials.ts";
import { associationPolicy } from "../../policies/association.ts";
import type { SessionActor } from "../../policies/actor.ts";
import { refuse } from "../define-command.ts";

/** The actor's own credential, locked; anyone else's is as if it did not exist. */
export async function assertOwnCredential(tx: Db, actor: SessionActor, credentialId: string) {
  return (await findCredentialOfUserForUpdate(tx, credentialId, actor.userId)) ?? refuse({ form: "portfolio.notFound" });
}

/** A credential of an association the actor works for, locked. */
export async function assertStaffCredential(tx: Db, actor: SessionActor, credentialId: string, associationId: string) {
  if (!associationPolicy.actAsStaff(actor, { id: associationId })) refuse({ form: "portfolio.notFound" });
  return (await findCredentialOfAssociationForUpdate(tx, credentialId, associationId)) ?? refuse({ form: "portfolio.notFound" });
}
