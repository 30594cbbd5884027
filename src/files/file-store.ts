import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Files kept once by the SHA-256 of their content under `<dataDir>/files/ab/abcdef...`: the same
 * certificate uploaded twice is stored once, and a snapshot can name a file by its hash forever.
 */
export function createFileStore(dataDir: string): FileStore {
  const root = path.resolve(dataDir, "files");
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256);
  return {
    async put(bytes: Uint8Array): Promise<string> {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const target = pathOf(sha256);
      if (await stat(target).catch(() => undefined)) return sha256;
      await mkdir(path.dirname(target), { recursive: true });
      // Write then rename, so a crash never leaves half a file under the final name.
      const temporary = `${target}.${process.pid}.partial`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
      return sha256;
    },
    get(sha256: string): Promise<Buffer> {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new RangeError("not a sha256");
      return readFile(pathOf(sha256));
    },
  };
}

/** Where documents are kept: the data folder (this module) or an S3-compatible bucket (s3-file-store.ts). */
export type FileStore = {
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Buffer>;
};
