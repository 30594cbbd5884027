import type { IncomingMessage, ServerResponse } from "node:http";
import { Transform } from "node:stream";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@react-router/node";

export class BodyTooLargeError extends Error {
  constructor(limitBytes: number) {
    super(`request body over ${limitBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The Node request as a Fetch request whose body is read only as the app reads it, and fails once
 * it passes `bodyLimitBytes`: a body sent without a Content-Length is cut off there, not buffered.
 */
export function toFetchRequest(req: IncomingMessage, signal: AbortSignal, bodyLimitBytes: number) {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const url = new URL(req.url ?? "/", `http://${headers.get("host") ?? "localhost"}`);
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : cappedBody(req, bodyLimitBytes);
  const request = new Request(url, { method, headers, signal, ...(body ? { body: body.stream, duplex: "half" } : {}) });
  return { request, isBodyOverLimit: () => body?.isOverLimit() ?? false };
}

function cappedBody(req: IncomingMessage, limitBytes: number) {
  let received = 0;
  let isOverLimit = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received <= limitBytes) return done(null, chunk);
      isOverLimit = true;
      // Stop reading the socket but keep it open, so that the 413 can still be sent on it.
      req.unpipe(counter);
      req.pause();
      done(new BodyTooLargeError(limitBytes));
    },
  });
  req.once("error", (error) => counter.destroy(error));
  req.pipe(counter);
  return { stream: createReadableStreamFromReadable(counter), isOverLimit: () => isOverLimit };
}

/** Writes the app's answer, waiting for the client to take each chunk (a slow download holds only a few). */
export async function writeFetchResponse(response: Response, req: IncomingMessage, res: ServerResponse) {
  const rawHeaders: string[] = [];
  for (const [key, value] of response.headers) rawHeaders.push(key, value);
  res.writeHead(response.status, rawHeaders);
  if (!response.body || req.method === "HEAD") return void res.end();
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    // A client that leaves in the middle of a download is no fault of ours; the helper has cancelled the body.
    if (!res.destroyed) throw error;
  }
}
