import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { archiveName, zipStream } from "../../src/files/zip-stream.ts";

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, i) => (i * seed) % 251);

describe("zipStream", () => {
  it("reads the next document only when the reader has taken the previous one", async () => {
    const reads: string[] = [];
    const entries = ["a.pdf", "b.pdf", "c.pdf"].map((name, index) => ({
      name,
      compress: false,
      read: async () => (reads.push(name), bytes(200_000, index + 3)),
    }));
    const reader = zipStream(entries).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toEqual(["a.pdf"]);
    const chunks: Uint8Array[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(chunk.value);
    expect(reads).toEqual(["a.pdf", "b.pdf", "c.pdf"]);
  });

  it("writes an archive whose entries come back byte for byte", async () => {
    const files = { "portfolio.json": new TextEncoder().encode(JSON.stringify({ training: [] })), "documents/01-a.pdf": bytes(5000, 7) };
    const stream = zipStream(Object.entries(files).map(([name, content], index) => ({ name, compress: index === 0, read: async () => content })));
    const archive = new Uint8Array(await new Response(stream).arrayBuffer());
    expect(unzipSync(archive)).toEqual(files);
  });

  it("fails the download when a document cannot be read", async () => {
    const stream = zipStream([{ name: "lost.pdf", compress: false, read: () => Promise.reject(new Error("gone from the bucket")) }]);
    await expect(new Response(stream).arrayBuffer()).rejects.toThrow("gone from the bucket");
  });

  it.each([
    ["Transcript: Fall/2015.pdf", "Transcript_ Fall_2015.pdf"],
    ["certificado niño.png", "certificado niño.png"],
    ["../../etc/passwd", ".._.._etc_passwd"],
    ["", "document"],
  ])("names %j safely as %j", (name, safe) => {
    expect(archiveName(name)).toBe(safe);
  });
});
