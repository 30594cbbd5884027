import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { keptAnswer, type WholeAnswer, writeWholeAnswer } from "./write-whole-answer.ts";

const contentTypes: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** The build does not change while we serve it: each file is read, tagged and compressed once, at its first request. */
const kept = new Map<string, Promise<WholeAnswer>>();

async function keep(file: string, pathname: string, contentType: string): Promise<WholeAnswer> {
  // Files under /assets/ have a content hash in their name, so they never change.
  const cacheControl = pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=3600";
  const headers: Array<[string, string]> = [
    ["Content-Type", contentType],
    ["Cache-Control", cacheControl],
  ];
  return keptAnswer(200, headers, new Uint8Array(await readFile(file)));
}

/** A path that can only name a file (an icon, a script...), never a page. */
export function isFilePath(pathname: string): boolean {
  return path.extname(pathname) in contentTypes;
}

/** Serves a file of the client build if the (decoded, see request-path.ts) path names one; returns false when there is none. */
export async function serveStaticFile(clientDir: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const extension = path.extname(pathname);
  const contentType = contentTypes[extension];
  if (!contentType) return false;
  const file = path.join(clientDir, path.normalize(pathname));
  if (!file.startsWith(clientDir + path.sep)) return false;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  // A file rebuilt in place (same name, new time or size) is read again.
  const key = `${file}\0${info.mtimeMs}\0${info.size}`;
  let answer = kept.get(key);
  if (!answer) {
    answer = keep(file, pathname, contentType);
    kept.set(key, answer);
    answer.catch(() => kept.delete(key));
  }
  await writeWholeAnswer(req, res, await answer);
  return true;
}
