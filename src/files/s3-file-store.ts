import { createHash } from "node:crypto";
import type { FileStore } from "./file-store.ts";
import { type S3Credentials, signS3Request } from "./sign-s3-request.ts";

export type S3Settings = S3Credentials & { endpoint: string; bucket: string };

/**
 * The same content-addressed store as on disk (`files/ab/<sha256>`), kept in an S3-compatible
 * bucket instead, addressed path-style (`<endpoint>/<bucket>/<key>`), which every such store accepts.
 */
export function createS3FileStore(settings: S3Settings, now: () => Date = () => new Date()): FileStore {
  const urlOf = (sha256: string) => new URL(`${settings.endpoint.replace(/\/$/, "")}/${settings.bucket}/files/${sha256.slice(0, 2)}/${sha256}`);
  const send = async (method: "GET" | "PUT", url: URL, body?: Uint8Array) => {
    const headers = signS3Request({ method, url, body }, settings, now());
    const response = await fetch(url, { method, headers, body: body ? Buffer.from(body) : undefined });
    if (!response.ok) throw new Error(`S3 ${method} ${url.pathname} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return response;
  };
  return {
    async put(bytes: Uint8Array): Promise<string> {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      // The key is the content's hash, so writing it again is harmless: no need to ask first.
      await send("PUT", urlOf(sha256), bytes);
      return sha256;
    },
    async get(sha256: string): Promise<Buffer> {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError("not a sha256");
      return Buffer.from(await (await send("GET", urlOf(sha256))).arrayBuffer());
    },
  };
}
