import type { IncomingMessage, ServerResponse } from "node:http";
import { Transform } from "node:stream";
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@react-router/node";
import { maxFormFields } from "../limits.ts";
import { formFieldCounter } from "./count-form-fields.ts";
import { writeWholeAnswer } from "./write-whole-answer.ts";

export class BodyTooLargeError extends Error {
  constructor(limitBytes: number) {
    super(`request body over ${limitBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

export class TooManyFieldsError extends Error {
  constructor() {
    super(`form with more than ${maxFormFields} fields`);
    this.name = "TooManyFieldsError";
  }
}

/** Why a body was cut off before the app could read it all: the answer is then ours, whatever the app made of it. */
export type BodyRefusal = "too-large" | "too-many-fields";

/**
 * The Node request as a Fetch request whose body is read only as the app reads it, and fails once
 * it passes `bodyLimitBytes`: a body sent without a Content-Length is cut off there, not buffered.
 * A form body fails likewise at its field past `maxFormFields`, before any parser sees it.
 */
export function toFetchRequest(req: IncomingMessage, signal: AbortSignal, bodyLimitBytes: number) {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const url = new URL(req.url ?? "/", `http://${headers.get("host") ?? "localhost"}`);
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : cappedBody(req, bodyLimitBytes, headers.get("content-type") ?? "");
  const request = new Request(url, { method, headers, signal, ...(body ? { body: body.stream, duplex: "half" } : {}) });
  return { request, bodyRefusal: (): BodyRefusal | null => body?.refusal() ?? null };
}

function cappedBody(req: IncomingMessage, limitBytes: number, contentType: string) {
  let received = 0;
  let refusal: BodyRefusal | null = null;
  const countFields = formFieldCounter(contentType);
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > limitBytes) refusal = "too-large";
      else if (countFields && countFields(chunk) > maxFormFields) refusal = "too-many-fields";
      if (!refusal) return done(null, chunk);
      // Stop reading the socket but keep it open, so that the answer can still be sent on it.
      req.unpipe(counter);
      req.pause();
      done(refusal === "too-large" ? new BodyTooLargeError(limitBytes) : new TooManyFieldsError());
    },
  });
  req.once("error", (error) => counter.destroy(error));
  req.pipe(counter);
  return { stream: createReadableStreamFromReadable(counter), refusal: () => refusal };
}

/**
 * Writes the app's answer. A download (an attachment: a document, the portfolio archive) streams,
 * waiting for the client to take each chunk, so a slow download holds only a few; every other
 * answer is read whole and written in one piece, validated and compressed (write-whole-answer.ts).
 */
export async function writeFetchResponse(response: Response, req: IncomingMessage, res: ServerResponse) {
  // Iterating Headers gives each Set-Cookie on its own.
  const headers = [...response.headers];
  if (!response.headers.get("content-disposition")?.startsWith("attachment")) {
    const body = response.body ? new Uint8Array(await response.arrayBuffer()) : new Uint8Array();
    return writeWholeAnswer(req, res, { status: response.status, headers, body });
  }
  res.writeHead(response.status, headers.flat());
  if (!response.body || req.method === "HEAD") return void res.end();
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    // A client that leaves in the middle of a download is no fault of ours; the helper has cancelled the body.
    if (!res.destroyed) throw error;
  }
}
