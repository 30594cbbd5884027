import type { IncomingMessage, ServerResponse } from "node:http";
import { compressDynamic, compressToKeep, type Encoding, isCompressible, negotiateEncoding } from "./compression.ts";
import { entityTagOf, isNotModified } from "./entity-tag.ts";

/** An answer whose body is all here: a rendered page, a `.data` answer, a build file, a cached page. */
export type WholeAnswer = {
  status: number;
  /** Name and value pairs, a name repeated for several values (Set-Cookie). */
  headers: Array<[string, string]>;
  body: Uint8Array;
  /** Known already for what is kept (build files, cached pages); worked out here otherwise. */
  entityTag?: string;
  /** Encodings made once and kept; any other is made for this answer. */
  encoded?: Partial<Record<Encoding, Promise<Uint8Array>>>;
};

const dropped = new Set(["content-length", "content-encoding", "etag", "transfer-encoding"]);

/**
 * Writes the answer with one `end()`: validated by its ETag (If-None-Match -> 304 without a body),
 * and compressed when it is text over a kilobyte and the client accepts brotli or gzip.
 */
export async function writeWholeAnswer(req: IncomingMessage, res: ServerResponse, answer: WholeAnswer): Promise<void> {
  const headers = answer.headers.filter(([name]) => !dropped.has(name.toLowerCase()));
  const contentType = headers.find(([name]) => name.toLowerCase() === "content-type")?.[1];
  const isGet = req.method === "GET" || req.method === "HEAD";
  const entityTag = isGet && answer.status === 200 && answer.body.length > 0 ? (answer.entityTag ?? entityTagOf(answer.body)) : undefined;
  if (entityTag) {
    headers.push(["ETag", entityTag]);
    if (isNotModified(req.headers["if-none-match"], entityTag)) {
      res.writeHead(304, headers.filter(([name]) => name.toLowerCase() !== "content-type").flat());
      return void res.end();
    }
  }
  let bytes = answer.body;
  if (isCompressible(contentType, bytes.length)) {
    headers.push(["Vary", "Accept-Encoding"]);
    const encoding = negotiateEncoding(req.headers["accept-encoding"]);
    if (encoding) {
      bytes = await (answer.encoded?.[encoding] ?? compressDynamic(bytes, encoding));
      headers.push(["Content-Encoding", encoding]);
    }
  }
  headers.push(["Content-Length", String(bytes.length)]);
  res.writeHead(answer.status, headers.flat());
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/** An answer to keep and send again (a build file, a cached page): its tag and both encodings made once, at the best compression. */
export function keptAnswer(status: number, headers: Array<[string, string]>, body: Uint8Array): WholeAnswer {
  const contentType = headers.find(([name]) => name.toLowerCase() === "content-type")?.[1];
  const encoded = isCompressible(contentType, body.length) ? { br: compressToKeep(body, "br"), gzip: compressToKeep(body, "gzip") } : {};
  return { status, headers, body, entityTag: entityTagOf(body), encoded };
}
