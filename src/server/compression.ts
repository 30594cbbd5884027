import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

export type Encoding = "br" | "gzip";

/** Below this a compressed body saves less than the headers and the work cost. */
export const minimumCompressedBytes = 1024;

const compressibleTypes = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;

/** Text compresses; images, fonts, archives and PDFs are compressed already. */
export function isCompressible(contentType: string | null | undefined, byteLength: number): boolean {
  return byteLength >= minimumCompressedBytes && compressibleTypes.test(contentType ?? "");
}

/** The encoding the client accepts that we prefer (brotli, then gzip), from Accept-Encoding's list and q-values. */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined | null): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "")).split(",")) {
    const [name = "", ...parameters] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const quality = (encoding: Encoding) => accepted.get(encoding) ?? accepted.get("*") ?? 0;
  if (quality("br") > 0) return "br";
  if (quality("gzip") > 0) return "gzip";
  return null;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

// A page is compressed on every answer: a middle brotli quality is about as small as gzip -9 at a fraction of the time.
const dynamicBrotli = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

/** Compresses an answer made for this request, off the event loop (zlib's thread pool). */
export function compressDynamic(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  return encoding === "br" ? brotliAsync(body, dynamicBrotli) : gzipAsync(body, { level: 6 });
}

/** Compresses once what is kept (a build file, a cached page): the smallest, whatever it costs, still off the event loop. */
export function compressToKeep(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  const made =
    encoding === "br"
      ? brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : gzipAsync(body, { level: 9 });
  // Made ahead of any request for it: a failure is reported to the request that awaits it, not as unhandled.
  made.catch(() => undefined);
  return made;
}
