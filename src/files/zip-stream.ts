import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

export type ZipEntry = { name: string; read: () => Promise<Uint8Array>; compress: boolean };

/**
 * A zip archive as a stream, one entry read at a time, so memory holds one document (at most
 * 20 MB) rather than the whole archive. PDFs and images are already compressed: they are stored.
 */
export function zipStream(entries: readonly ZipEntry[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async start(controller) {
      const zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      try {
        for (const entry of entries) {
          const file = entry.compress ? new ZipDeflate(entry.name, { level: 6 }) : new ZipPassThrough(entry.name);
          zip.add(file);
          file.push(await entry.read(), true);
        }
        zip.end();
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
