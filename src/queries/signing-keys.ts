import { findPublicKeyOfAssociation } from "../data/association-signing-keys.ts";
import { findAssociationBySlug } from "../data/associations.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { hidden, type Reader } from "./reader.ts";

/**
 * The public key of an association's signing key, for anyone verifying its credentials; 404 for an
 * unknown association and for one that has signed nothing yet (its key is made on first use).
 */
export async function associationPublicKey(reader: Reader, _actor: MaybeActor, slug: string) {
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  const publicKeyMultibase = (await findPublicKeyOfAssociation(reader.db, association.id)) ?? hidden();
  return { slug: association.slug, publicKeyMultibase };
}
