import { request } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import type { CapturedAnswer } from "./floor-server.ts";

// Connection-level headers: the floor's own server sets these for its own connection.
const hopByHop = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length"]);

/** One answer as the load generator will receive it (the same headers, the bytes as sent), for the floor to replay. */
export function captureAnswer(port: number, path: string, headers: Record<string, string>, timeoutMs: number): Promise<CapturedAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const kept = Object.entries(response.headers).filter(([name, value]) => value !== undefined && !hopByHop.has(name));
        resolve({ path, status: response.statusCode ?? 0, headers: Object.fromEntries(kept) as CapturedAnswer["headers"], body: Buffer.concat(chunks) });
      });
    });
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`${path} did not answer within ${timeoutMs} ms`)));
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/** The body as text, whatever compression the server chose. */
export function decodedText(answer: CapturedAnswer): string {
  const body = Buffer.from(answer.body);
  switch (answer.headers["content-encoding"]) {
    case "gzip":
      return gunzipSync(body).toString();
    case "br":
      return brotliDecompressSync(body).toString();
    case "deflate":
      return inflateSync(body).toString();
    default:
      return body.toString();
  }
}
