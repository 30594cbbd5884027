import type { Db } from "../data/database.ts";
import { keyOfAssociation } from "../data/association-signing-keys.ts";
import { controllerUrlOf } from "./controller-document.ts";
import { buildOpenBadgeCredential, type OpenBadgeInput } from "./open-badge-credential.ts";
import { signCredential } from "./sign-credential.ts";

type Issuing = { baseUrl: string; credentialKeySecret: string; now: Date };
type IssuingAssociation = { id: string; slug: string; name: string; url?: string };

/**
 * An association's signed OpenBadgeCredential, in one call from a command's transaction: the key is
 * made there on first use, and the issuer is the association's controller document, as verifiers want.
 */
export async function signOpenBadge(tx: Db, issuing: Issuing, association: IssuingAssociation, badge: Omit<OpenBadgeInput, "issuer">) {
  const controllerUrl = controllerUrlOf(issuing.baseUrl, association.slug);
  const issuer = { id: controllerUrl, name: association.name, ...(association.url ? { url: association.url } : {}) };
  const key = await keyOfAssociation(tx, association.id, issuing.credentialKeySecret);
  const credential = await signCredential(buildOpenBadgeCredential({ ...badge, issuer }), key, controllerUrl, issuing.now);
  return { credential, controllerUrl, publicKeyMultibase: key.publicKeyMultibase };
}
