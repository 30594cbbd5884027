import { gzipSync } from "node:zlib";
import { type StatusPurpose, statusPurposes } from "../domain/status-list.ts";
import type { StatusListEntry } from "./open-badge-credential.ts";

/** Where an association's status list of one purpose is served: the credential's id, and what its badges' entries point at. */
export function statusListUrlOf(baseUrl: string, associationSlug: string, purpose: StatusPurpose): string {
  return `${baseUrl}/a/${encodeURIComponent(associationSlug)}/status/${purpose}`;
}

/** A credential's entries in its association's lists, one per purpose, for its badge's `credentialStatus`. */
export function statusListEntriesOf(baseUrl: string, associationSlug: string, statusListIndex: number): StatusListEntry[] {
  return statusPurposes.map((statusPurpose) => ({
    statusPurpose,
    statusListIndex,
    statusListCredential: statusListUrlOf(baseUrl, associationSlug, statusPurpose),
  }));
}

/**
 * A bitstring as the spec encodes it: bit 0 the most significant bit of the first byte, GZIP
 * compressed, base64url without padding, with the multibase prefix `u`.
 */
export function encodeStatusList(bits: string): string {
  const bytes = Buffer.alloc(Math.ceil(bits.length / 8));
  for (let index = 0; index < bits.length; index++) if (bits[index] === "1") bytes[index >> 3]! |= 0x80 >> (index & 7);
  return `u${gzipSync(bytes).toString("base64url")}`;
}

// VC 2.0 wants XML Schema dateTimeStamps; seconds are enough.
const dateTimeStamp = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** An unsigned BitstringStatusListCredential (the terms are in the VC 2.0 context), ready for `signCredential`. */
export function buildStatusListCredential(list: {
  url: string;
  issuer: string;
  purpose: StatusPurpose;
  bits: string;
  validFrom: Date;
}): Record<string, unknown> {
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2"],
    id: list.url,
    type: ["VerifiableCredential", "BitstringStatusListCredential"],
    issuer: list.issuer,
    validFrom: dateTimeStamp(list.validFrom),
    credentialSubject: { id: `${list.url}#list`, type: "BitstringStatusList", statusPurpose: list.purpose, encodedList: encodeStatusList(list.bits) },
  };
}
