import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

export type ZipEntry = { name: string; read: () => Promise<Uint8Array>; compress: boolean };

/**
 * A zip archive as a stream. Each pull adds one entry, so a slow download holds back the reading
 * of the next document: memory holds about one document (at most 20 MB), never the whole archive.
 * PDFs and images are already compressed: they are stored as they are.
 */
export function zipStream(entries: readonly ZipEntry[]): ReadableStream<Uint8Array> {
  let zip: Zip;
  let next = 0;
  return new ReadableStream({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull(controller) {
      const entry = entries[next++];
      if (!entry) return zip.end();
      try {
        const file = entry.compress ? new ZipDeflate(entry.name, { level: 6 }) : new ZipPassThrough(entry.name);
        zip.add(file);
        file.push(await entry.read(), true);
      } catch (error) {
        zip.terminate();
        controller.error(error);
      }
    },
  });
}

/** A file name safe inside an archive on any system. */
export function archiveName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._ -]/gu, "_").slice(0, 120) || "document";
}
