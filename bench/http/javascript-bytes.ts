import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { repositoryRoot } from "./child-processes.ts";

export type JavascriptBytes = { files: number; raw: number; gzip: number };

/**
 * The JavaScript a page makes the browser fetch: every `/assets/*.js` its HTML names (scripts,
 * module preloads, inline imports), read from build/client; gzip -9 per file.
 */
export function javascriptOfPage(html: string, clientFolder = path.join(repositoryRoot, "build/client")): JavascriptBytes {
  const files = new Set(html.match(/\/assets\/[\w.-]+\.js/g) ?? []);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(clientFolder, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.size, raw, gzip };
}
