import type { Db } from "../data/database.ts";
import { keyOfAssociation } from "../data/association-signing-keys.ts";
import { buildClrCredential, type ClrInput } from "./clr-credential.ts";
import { controllerUrlOf } from "./controller-document.ts";
import { buildOpenBadgeCredential, type OpenBadgeInput } from "./open-badge-credential.ts";
import { signCredential } from "./sign-credential.ts";

type Issuing = { baseUrl: string; credentialKeySecret: string; now: Date };
type IssuingAssociation = { id: string; slug: string; name: string; url?: string };

/**
 * Signs what `build` makes of the association as issuer, in a command's transaction: the key is
 * made there on first use, and the issuer is the association's controller document, as verifiers want.
 */
async function signAsAssociation(
  tx: Db,
  issuing: Issuing,
  association: IssuingAssociation,
  build: (issuer: OpenBadgeInput["issuer"]) => Record<string, unknown>,
) {
  const controllerUrl = controllerUrlOf(issuing.baseUrl, association.slug);
  const issuer = { id: controllerUrl, name: association.name, ...(association.url ? { url: association.url } : {}) };
  const key = await keyOfAssociation(tx, association.id, issuing.credentialKeySecret);
  const credential = await signCredential(build(issuer), key, controllerUrl, issuing.now);
  return { credential, controllerUrl, publicKeyMultibase: key.publicKeyMultibase };
}

/** An association's signed OpenBadgeCredential. */
export function signOpenBadge(tx: Db, issuing: Issuing, association: IssuingAssociation, badge: Omit<OpenBadgeInput, "issuer">) {
  return signAsAssociation(tx, issuing, association, (issuer) => buildOpenBadgeCredential({ ...badge, issuer }));
}

/** An association's signed Comprehensive Learner Record (CLR 2.0), around credentials it signed already. */
export function signLearnerRecord(tx: Db, issuing: Issuing, association: IssuingAssociation, record: Omit<ClrInput, "issuer">) {
  return signAsAssociation(tx, issuing, association, (issuer) => buildClrCredential({ ...record, issuer }));
}
