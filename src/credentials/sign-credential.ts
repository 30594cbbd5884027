import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import type { SigningKey } from "../data/association-signing-keys.ts";
import { controllerDocument, verificationMethodOf } from "./controller-document.ts";
import { localDocumentLoader } from "./local-document-loader.ts";

/**
 * Signs a credential (VC 2.0) with the association's key: an embedded DataIntegrityProof,
 * eddsa-rdfc-2022, for assertionMethod, naming `<controllerUrl>#key-1`. Contexts come from the
 * packages; a term no context defines fails here (safe mode) instead of being dropped from the proof.
 */
export async function signCredential(credential: Record<string, unknown>, key: SigningKey, controllerUrl: string, now: Date): Promise<Record<string, unknown>> {
  // Verifiers (Digital Bazaar's among them) refuse a proof whose key's controller is not the issuer.
  if (issuerIdOf(credential) !== controllerUrl) throw new Error(`The credential's issuer id must be the controller document ${controllerUrl}.`);
  const suite = new DataIntegrityProof({ signer: await key.signer(verificationMethodOf(controllerUrl), controllerUrl), cryptosuite, date: now });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader: localDocumentLoader(), now });
}

function issuerIdOf(credential: Record<string, unknown>): unknown {
  const { issuer } = credential;
  return typeof issuer === "object" && issuer !== null ? (issuer as { id?: unknown }).id : issuer;
}

/**
 * Verifies a credential's proof with the same libraries against the given controller document,
 * offline. Its status (revoked, suspended) is NOT checked here: read the status list for that.
 */
export async function verifyCredentialProof(
  credential: Record<string, unknown>,
  controllerUrl: string,
  publicKeyMultibase: string,
): Promise<{ verified: boolean; error?: Error }> {
  const document = controllerDocument(controllerUrl, publicKeyMultibase);
  const [method] = document.verificationMethod;
  const documents = new Map<string, unknown>([
    [controllerUrl, document],
    [verificationMethodOf(controllerUrl), { "@context": "https://w3id.org/security/multikey/v1", ...method }],
  ]);
  const result = await vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: localDocumentLoader(documents),
    checkStatus: async () => ({ verified: true }),
  });
  return { verified: result.verified, ...(result.error ? { error: result.error } : {}) };
}
