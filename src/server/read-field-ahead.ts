import Busboy from "@fastify/busboy";

/**
 * Finds one field of a form post without taking the body from the app: it reads a copy, stops at
 * the field, and never reads past `maxBytes` or into a file part, so a file is never held in
 * memory for it (what the copy has read waits in memory for the app, so the limit bounds that too).
 * Returns null when the field is not there, or the body is not a form.
 */
export async function readFieldAhead(request: Request, name: string, maxBytes: number): Promise<string | null> {
  const body = request.clone().body;
  if (!body) return null;
  const reader = body.getReader();
  let found: string | null | undefined;
  try {
    const parser = new Busboy({ headers: { "content-type": request.headers.get("content-type") ?? "" }, limits: { fieldSize: maxBytes } });
    parser.on("field", (field: string, value: string) => (found ??= field === name ? value : undefined));
    parser.on("file", (_field: string, file: NodeJS.ReadableStream) => {
      file.resume();
      found ??= null;
    });
    parser.on("error", () => (found ??= null));
    const ended = new Promise<void>((resolve) => parser.once("finish", resolve).once("error", () => resolve()));
    let read = 0;
    while (found === undefined) {
      const part = await reader.read();
      if (part.done) {
        // The last field of a url-encoded body is known only at its end.
        parser.end();
        await ended;
        break;
      }
      if ((read += part.value.byteLength) > maxBytes) break;
      parser.write(part.value);
    }
    return found ?? null;
  } catch {
    // Not a form, a malformed one, or a body that failed (too large, client gone): no field.
    return null;
  } finally {
    reader.cancel().catch(() => {});
  }
}
