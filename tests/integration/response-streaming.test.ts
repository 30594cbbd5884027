import { unzipSync } from "fflate";
import type { IncomingMessage } from "node:http";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { buildUser } from "../setup/builders.ts";
import { answerTimeoutMs, destroyOpenRawRequests, openRawRequest, withinTime } from "../setup/raw-http.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterEach(destroyOpenRawRequests);
afterAll(() => app.close());

const megabyte = 1024 * 1024;
const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** Waits until `value()` has stayed the same for `quietMs`, and returns it. */
async function settledValue(value: () => number, quietMs = 400): Promise<number> {
  const deadline = Date.now() + answerTimeoutMs;
  let last = value();
  let since = Date.now();
  while (Date.now() - since < quietMs && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (value() !== last) [last, since] = [value(), Date.now()];
  }
  return last;
}

async function readBytes(response: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

describe("streamed answers", () => {
  it("reads the next document of the archive only as fast as a slow client takes it", async () => {
    const owner = await buildUser(app.services.db);
    const client = await app.clientAs(owner.id);
    const documentCount = 10;
    for (let index = 0; index < documentCount; index++) {
      const content = new Uint8Array(2 * megabyte);
      content.set(pdf);
      content[content.length - 1] = index;
      const page = await client.postFiles(
        "/portfolio/documents",
        { type: "certificate" },
        { file: { name: `c${index}.pdf`, type: "application/pdf", content } },
      );
      expect(page.status).toBe(200);
    }

    // Count what the archive pulls from the real store, to see how far it runs ahead of the client.
    const store = app.services.files;
    const get = store.get.bind(store);
    let pulled = 0;
    store.get = (sha256) => ((pulled += 1), get(sha256));
    try {
      const { request, response } = openRawRequest(app.url, "GET", "/portfolio/archive", { cookie: client.cookieHeader() });
      request.end();
      const answer = await withinTime(response, "the archive");
      answer.pause();
      const pulledWhileClientWaits = await settledValue(() => pulled);
      // What the two socket buffers hold, plus the document being written: never the whole archive.
      expect(pulledWhileClientWaits).toBeLessThanOrEqual(4);

      const archive = unzipSync(await withinTime(readBytes(answer), "reading the archive"));
      expect(Object.keys(archive)).toHaveLength(documentCount + 1);
      expect(pulled).toBe(documentCount);
    } finally {
      store.get = get;
    }
  });
});
