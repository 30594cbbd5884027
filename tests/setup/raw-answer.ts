import { request as httpRequest } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { answerTimeoutMs } from "./raw-http.ts";

export type RawAnswer = { status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer; text: string };

/**
 * A GET as sent, its body as received (fetch would decompress it unasked), and that body decoded
 * by its Content-Encoding into `text`.
 */
export function rawGet(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, baseUrl), { headers, agent: false, timeout: answerTimeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const bytes = Buffer.concat(chunks);
        const encoding = response.headers["content-encoding"];
        const decoded = encoding === "br" ? brotliDecompressSync(bytes) : encoding === "gzip" ? gunzipSync(bytes) : bytes;
        resolve({ status: response.statusCode!, headers: response.headers, bytes, text: decoded.toString("utf8") });
      });
    });
    request.on("timeout", () => request.destroy(new Error(`GET ${path}: no answer within ${answerTimeoutMs} ms`)));
    request.on("error", reject);
    request.end();
  });
}
