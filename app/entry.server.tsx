import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { type EntryContext, type RouterContextProvider, ServerRouter } from "react-router";
import { contentSecurityPolicy, inlineScriptHashes } from "../src/server/content-security-policy.ts";
import { describeFailure } from "../src/server/describe-failure.ts";
import { en } from "../src/i18n/messages-en.ts";
import { es } from "../src/i18n/messages-es.ts";
import { servicesContext } from "./context.server.ts";
import { provideCatalog } from "./lib/use-translate.ts";

provideCatalog("en", en);
provideCatalog("es", es);

// The Node server reaches these through the build, so it shares the bundle's context keys.
export { createLoadContext } from "./context.server.ts";

export const streamTimeout = 5_000;

/**
 * Renders the whole page before answering (no streaming), so the status code is always right, into
 * one buffer that the server writes in one piece; its inline scripts are allowed by their hashes.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  return new Promise<Response>((resolve, reject) => {
    const timeout = setTimeout(() => abort(), streamTimeout + 1000);
    const chunks: Buffer[] = [];
    const page = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        clearTimeout(timeout);
        const html = Buffer.concat(chunks);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        responseHeaders.set("Content-Length", String(html.length));
        responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(inlineScriptHashes(html.toString("utf8"))));
        resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
        callback();
      },
    });
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} />, {
      onAllReady() {
        pipe(page);
      },
      onShellError(error) {
        clearTimeout(timeout);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
      onError(error) {
        responseStatusCode = 500;
        loadContext.get(servicesContext).logger.error({ err: error }, "render failed");
      },
    });
  });
}

export function handleError(error: unknown, { request, context }: { request: Request; context: RouterContextProvider }) {
  if (request.signal.aborted) return;
  context.get(servicesContext).logger.error({ err: error, url: request.url }, describeFailure(error));
}
