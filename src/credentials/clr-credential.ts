import { clrContextUrl } from "./local-document-loader.ts";
import { dateTimeStamp, holderIdentifier, issuerProfile, openBadgeContexts } from "./open-badge-credential.ts";

/**
 * CLR 2.0's context comes between VC 2.0's and OB 3.0's, as in the standard's examples: it defines
 * ClrCredential and ClrSubject, OB 3.0 the Profile and IdentityObject the record uses.
 */
const [credentialsContext, openBadgesContext] = openBadgeContexts;
const clrContexts = [credentialsContext, clrContextUrl, openBadgesContext];

export type ClrInput = {
  /** `urn:uuid:...`: a record is a download, not a document served at an address. */
  id: string;
  /** `id` is the association's controller document, as for its badges. */
  issuer: { id: string; name: string; url?: string };
  name: string;
  description: string;
  /** The holder, by a salted hash of their email: the file carries no plain email. */
  subject: { identityHash: string; salt: string };
  /** The signed credentials the record gathers, each keeping its own context and proof. */
  verifiableCredentials: ReadonlyArray<Record<string, unknown>>;
  validFrom: Date;
};

/** An unsigned 1EdTech Comprehensive Learner Record 2.0 (`ClrCredential`, VC 2.0 data model), ready for `signCredential`. */
export function buildClrCredential(input: ClrInput): Record<string, unknown> {
  return {
    "@context": [...clrContexts],
    id: input.id,
    type: ["VerifiableCredential", "ClrCredential"],
    issuer: issuerProfile(input.issuer),
    validFrom: dateTimeStamp(input.validFrom),
    name: input.name,
    description: input.description,
    credentialSubject: {
      type: ["ClrSubject"],
      identifier: [holderIdentifier(input.subject)],
      verifiableCredential: input.verifiableCredentials.map((credential) => structuredClone(credential)),
    },
  };
}
