import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

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

/** Serves a file of the client build if the (decoded, see request-path.ts) path names one; returns false to let the app answer. */
export async function serveStaticFile(clientDir: string, pathname: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const extension = path.extname(pathname);
  if (!(extension in contentTypes)) return false;
  const file = path.join(clientDir, path.normalize(pathname));
  if (!file.startsWith(clientDir + path.sep)) return false;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  // Files under /assets/ have a content hash in their name, so they never change.
  const cacheControl = pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=3600";
  res.writeHead(200, { "Content-Type": contentTypes[extension]!, "Content-Length": info.size, "Cache-Control": cacheControl });
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on("error", reject).pipe(res).on("finish", resolve).on("error", reject);
  });
  return true;
}
