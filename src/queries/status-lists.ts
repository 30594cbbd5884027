import { findKeyOfAssociation, findPublicKeyOfAssociation } from "../data/association-signing-keys.ts";
import { findAssociationBySlug } from "../data/associations.ts";
import { findStatusListBits, findStatusListVersion } from "../data/credential-status-lists.ts";
import { controllerUrlOf } from "../credentials/controller-document.ts";
import { signCredential } from "../credentials/sign-credential.ts";
import { buildStatusListCredential, statusListUrlOf } from "../credentials/status-list-credential.ts";
import { type StatusPurpose, statusPurposes } from "../domain/status-list.ts";
import type { MaybeActor } from "../policies/actor.ts";
import { hidden, type Reader } from "./reader.ts";

type StatusList = { associationId: string; slug: string; purpose: StatusPurpose; version: number };
type Signing = { baseUrl: string; credentialKeySecret: string };

/**
 * Which version an association's status list of one purpose is at: public, for anyone checking a
 * badge. 404 for an unknown association or purpose, and for an association that has issued nothing.
 */
export async function statusListVersion(reader: Reader, _actor: MaybeActor, slug: string, purpose: string): Promise<StatusList> {
  const known = statusPurposes.find((each) => each === purpose) ?? hidden();
  const association = (await findAssociationBySlug(reader.db, slug)) ?? hidden();
  const list = (await findStatusListVersion(reader.db, association.id, known)) ?? hidden();
  return { associationId: association.id, slug: association.slug, purpose: known, version: list.version };
}

// The signed lists of this process, by list: a list is signed again only when its version moved (or the key or address did).
const signedLists = new Map<string, { version: number; signedBy: string; credential: Record<string, unknown> }>();

/**
 * The list as a BitstringStatusListCredential signed with the association's key, from the bits as
 * stored now: signed at most once per version in this process. 404 while the association has no key.
 */
export async function signedStatusList(reader: Reader, _actor: MaybeActor, list: StatusList, signing: Signing): Promise<Record<string, unknown>> {
  const memoKey = `${list.associationId} ${list.purpose}`;
  const controllerUrl = controllerUrlOf(signing.baseUrl, list.slug);
  const publicKey = (await findPublicKeyOfAssociation(reader.db, list.associationId)) ?? hidden();
  const signedBy = `${controllerUrl} ${publicKey}`;
  const kept = signedLists.get(memoKey);
  if (kept && kept.version === list.version && kept.signedBy === signedBy) return kept.credential;
  // The sealed key is opened only to sign.
  const key = (await findKeyOfAssociation(reader.db, list.associationId, signing.credentialKeySecret)) ?? hidden();
  const stored = (await findStatusListBits(reader.db, list.associationId, list.purpose)) ?? hidden();
  const unsigned = buildStatusListCredential({
    url: statusListUrlOf(signing.baseUrl, list.slug, list.purpose),
    issuer: controllerUrl,
    purpose: list.purpose,
    bits: stored.bits,
    validFrom: stored.updated_at,
  });
  const credential = await signCredential(unsigned, key, controllerUrl, reader.now());
  // Bits read after the version may be newer: kept under the version they were read with.
  signedLists.set(memoKey, { version: stored.version, signedBy: `${controllerUrl} ${key.publicKeyMultibase}`, credential });
  return credential;
}
