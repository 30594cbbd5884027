import { randomUUID } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import Busboy, { type BusboyFileStream } from "@fastify/busboy";

export type UploadedFile = { filename: string; path: string; sizeBytes: number; isOverLimit: boolean };
export type UploadedForm = { fields: URLSearchParams; files: Map<string, UploadedFile> };

/**
 * Reads a form with a file: each file goes to its own temporary file in `directory` as it arrives
 * (never whole in memory), and no further than `maxFileBytes` (`isOverLimit` then says so). The
 * temporary files exist only while `handle` runs and are removed however it ends. A body that cannot
 * be read as a form gives an empty form, which the route refuses like any incomplete one.
 */
export async function withUploadedForm<T>(
  request: Request,
  options: { directory: string; maxFileBytes: number },
  handle: (form: UploadedForm) => Promise<T>,
): Promise<T> {
  const written: string[] = [];
  try {
    const form = await readUploadedForm(request, options, written).catch(() => ({ fields: new URLSearchParams(), files: new Map<string, UploadedFile>() }));
    return await handle(form);
  } finally {
    await Promise.all(written.map((file) => rm(file, { force: true })));
  }
}

async function readUploadedForm(
  request: Request,
  { directory, maxFileBytes }: { directory: string; maxFileBytes: number },
  written: string[],
): Promise<UploadedForm> {
  const form: UploadedForm = { fields: new URLSearchParams(), files: new Map() };
  if (!request.body) return form;
  await mkdir(directory, { recursive: true });
  const parser = new Busboy({
    headers: { "content-type": request.headers.get("content-type") ?? "" },
    limits: { fileSize: maxFileBytes, files: 1, fields: 100, fieldSize: 64 * 1024 },
    // The name as the person's computer gave it ("Transcript: Fall/2015.pdf"); it is made safe where it is shown or zipped.
    preservePath: true,
  });
  const sinks: WriteStream[] = [];
  const writes: Promise<void>[] = [];
  parser.on("field", (name: string, value: string) => form.fields.append(name, value));
  parser.on("file", (name: string, stream: BusboyFileStream, filename: string | undefined) => {
    const file: UploadedFile = { filename: filename ?? "", path: path.join(directory, randomUUID()), sizeBytes: 0, isOverLimit: false };
    written.push(file.path);
    form.files.set(name, file);
    const sink = createWriteStream(file.path);
    sinks.push(sink);
    writes.push(
      pipeline(stream, sink).then(() => {
        file.sizeBytes = stream.bytesRead;
        file.isOverLimit = stream.truncated;
      }),
    );
  });
  try {
    await pipeline(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), parser);
    await Promise.all(writes);
    return form;
  } catch (error) {
    for (const sink of sinks) sink.destroy();
    throw error;
  }
}
