import { createHash } from "node:crypto";

/** A weak validator of the uncompressed body: every encoding of one body is the same representation to a cache. */
export function entityTagOf(body: Uint8Array): string {
  return `W/"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** If-None-Match names this tag (compared weakly, as RFC 9110 says for GET), or is "*". */
export function isNotModified(ifNoneMatch: string | string[] | undefined, entityTag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(entityTag);
  return (Array.isArray(ifNoneMatch) ? ifNoneMatch.join(",") : ifNoneMatch).split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}
