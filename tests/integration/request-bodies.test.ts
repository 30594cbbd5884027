import { once } from "node:events";
import { existsSync, readdirSync, statSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { findPortfolio } from "../../src/data/portfolios.ts";
import { buildUser } from "../setup/builders.ts";
import { answerTimeoutMs, destroyOpenRawRequests, openRawRequest, readText, withinTime } from "../setup/raw-http.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterEach(destroyOpenRawRequests);
afterAll(() => app.close());

const megabyte = 1024 * 1024;
const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const uploadFolder = path.join(app.services.config.dataDir, "uploads");
const filesWaitingInUploadFolder = () => (existsSync(uploadFolder) ? readdirSync(uploadFolder) : []);

/** The highest `arrayBuffers` (where Node keeps Buffers, so request bodies) seen while `work` runs, above what it was before. */
async function peakBufferGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = process.memoryUsage().arrayBuffers;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 10);
  try {
    const result = await work();
    return { result, growth: Math.max(peak, process.memoryUsage().arrayBuffers) - before };
  } finally {
    clearInterval(sampler);
  }
}

function multipartHead(boundary: string, fields: Record<string, string>, file: { name: string; type: string }) {
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return `${parts.join("")}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
}

async function waitUntil(condition: () => boolean, what: string) {
  const deadline = Date.now() + answerTimeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${answerTimeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("request bodies", () => {
  it("answers an anonymous 400 MB post with 413 at once, without reading it, and closes the connection", async () => {
    const { growth } = await peakBufferGrowth(async () => {
      const { request, response } = openRawRequest(app.url, "POST", "/login", {
        "content-type": "application/x-www-form-urlencoded",
        "content-length": 400 * megabyte,
      });
      request.write("email=someone%40example.org&password=");
      const answer = await withinTime(response, "a 400 MB post");
      expect(answer.statusCode).toBe(413);
      expect(answer.headers["content-type"]).toMatch(/^text\/plain/);
      expect(answer.headers.connection).toBe("close");
      expect(await readText(answer)).toMatch(/too large/i);
      await withinTime(once(request, "close"), "closing the connection");
    });
    expect(growth).toBeLessThan(16 * megabyte);
  });

  it("refuses a post without a CSRF cookie before reading its body", async () => {
    const { request, response } = openRawRequest(app.url, "POST", "/login", {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": 500 * 1024,
    });
    request.write("csrf=whatever&email=");
    const answer = await withinTime(response, "a post without a CSRF cookie whose body never ends");
    expect(answer.statusCode).toBe(403);
    request.destroy();
  });

  it("allows a large upload only where files are uploaded", async () => {
    const owner = await buildUser(app.services.db);
    const client = await app.clientAs(owner.id);
    const upload = openRawRequest(app.url, "POST", "/portfolio/documents", {
      "content-type": "multipart/form-data; boundary=x",
      "content-length": 400 * megabyte,
      cookie: client.cookieHeader(),
    });
    expect((await withinTime(upload.response, "a 400 MB upload")).statusCode).toBe(413);
    upload.request.destroy();
    const content = new Uint8Array(3 * megabyte);
    content.set(pdf);
    // With JavaScript, React Router posts the same form to the route's `.data` address.
    const withJavaScript = await client.postFiles(
      "/portfolio/documents.data",
      { type: "transcript" },
      { file: { name: "t.pdf", type: "application/pdf", content } },
    );
    expect(withJavaScript.status).toBe(200);
    expect((await findPortfolio(app.services.db, owner.id)).portfolio.documents).toHaveLength(1);
    const form = openRawRequest(app.url, "POST", "/portfolio/statement", {
      "content-type": "multipart/form-data; boundary=x",
      "content-length": 10 * megabyte,
      cookie: client.cookieHeader(),
    });
    expect((await withinTime(form.response, "a 10 MB post to a form without files")).statusCode).toBe(413);
    form.request.destroy();
  });

  it("stops reading a streamed body at the limit and answers 413, holding none of it", async () => {
    const browser = await app.client();
    const { request, response } = openRawRequest(app.url, "POST", "/login", {
      "content-type": "application/x-www-form-urlencoded",
      "transfer-encoding": "chunked",
      cookie: browser.cookieHeader(),
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const limit = 64 * megabyte;
    let answer: IncomingMessage | undefined;
    void response.then(
      (received) => (answer = received),
      () => {},
    );
    const { result: sent, growth } = await peakBufferGrowth(async () => {
      let sent = 0;
      request.write(`csrf=${browser.csrfToken}&email=`);
      while (!answer && !request.destroyed && sent < limit) {
        if (!request.write(chunk)) await Promise.race([once(request, "drain"), response.catch(() => {}), once(request, "close")]);
        sent += chunk.length;
      }
      if (!answer) request.end();
      await withinTime(response, "a streamed body over the limit");
      return sent;
    });
    expect(answer?.statusCode).toBe(413);
    expect(sent).toBeLessThan(16 * megabyte);
    expect(growth).toBeLessThan(24 * megabyte);
    request.destroy();
  });

  it("streams an upload to a temporary file, and removes the file once answered", async () => {
    const owner = await buildUser(app.services.db);
    const client = await app.clientAs(owner.id);
    await client.get("/portfolio/documents");
    const boundary = "cradle-test-boundary";
    const head = multipartHead(boundary, { csrf: client.csrfToken, type: "transcript" }, { name: "transcript.pdf", type: "application/pdf" });
    const content = new Uint8Array(4 * megabyte);
    content.set(pdf);
    const tail = `\r\n--${boundary}--\r\n`;
    const length = Buffer.byteLength(head) + content.length + Buffer.byteLength(tail);
    const { request, response } = openRawRequest(app.url, "POST", "/portfolio/documents", {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "content-length": length,
      cookie: client.cookieHeader(),
    });
    request.write(head);
    request.write(content.subarray(0, 2 * megabyte));
    const bytesOnDisk = () => filesWaitingInUploadFolder().reduce((sum, name) => sum + statSync(path.join(uploadFolder, name)).size, 0);
    await waitUntil(() => bytesOnDisk() >= megabyte, "the first half of the upload reaching the upload folder");
    request.end(Buffer.concat([content.subarray(2 * megabyte), Buffer.from(tail)]));
    const answer = await withinTime(response, "the upload");
    expect(answer.statusCode).toBe(200);
    expect(await readText(answer)).toContain("The document was added to your portfolio.");
    expect((await findPortfolio(app.services.db, owner.id)).portfolio.documents).toHaveLength(1);
    expect(filesWaitingInUploadFolder()).toEqual([]);
  });

  it("refuses an upload with a wrong CSRF token, or a file over the limit, keeping no temporary file", async () => {
    const owner = await buildUser(app.services.db);
    const client = await app.clientAs(owner.id);
    const forged = await client.postFiles(
      "/portfolio/documents",
      { csrf: "forged", type: "transcript" },
      { file: { name: "t.pdf", type: "application/pdf", content: pdf } },
    );
    expect(forged.status).toBe(403);
    const big = new Uint8Array(20 * megabyte + 1);
    big.set(pdf);
    const tooBig = await client.postFiles(
      "/portfolio/documents",
      { type: "certificate" },
      { file: { name: "big.pdf", type: "application/pdf", content: big } },
    );
    expect(tooBig.status).toBe(400);
    expect(tooBig.text).toContain("The file is larger than 20 MB.");
    const bigImport = await client.postFiles(
      "/portfolio/import",
      { kind: "json" },
      { file: { name: "p.json", type: "application/json", content: " ".repeat(5 * megabyte + 1) } },
    );
    expect(bigImport.status).toBe(400);
    expect(bigImport.text).toContain("The file is larger than 5 MB.");
    expect((await findPortfolio(app.services.db, owner.id)).portfolio.documents).toEqual([]);
    expect(filesWaitingInUploadFolder()).toEqual([]);
  });
});
