/** The address of an association's controller document, which also names its signing key (`#key-1`). */
export function controllerUrlOf(baseUrl: string, associationSlug: string): string {
  return `${baseUrl}/a/${encodeURIComponent(associationSlug)}/keys`;
}

export const verificationMethodOf = (controllerUrl: string) => `${controllerUrl}#key-1`;

/**
 * The association's public key as a controller document (W3C Controlled Identifiers, Multikey),
 * authorised for `assertionMethod`: what a verifier fetches to check a credential's proof. The DID
 * context comes first so verifiers read it without framing (jsonld-signatures' fast path).
 */
export function controllerDocument(controllerUrl: string, publicKeyMultibase: string) {
  const keyId = verificationMethodOf(controllerUrl);
  return {
    "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
    id: controllerUrl,
    verificationMethod: [{ id: keyId, type: "Multikey", controller: controllerUrl, publicKeyMultibase }],
    assertionMethod: [keyId],
  };
}
