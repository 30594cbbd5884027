import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { renderToPipeableStream } from "react-dom/server";
import { type EntryContext, type RouterContextProvider, ServerRouter } from "react-router";
import { describeFailure } from "../src/server/describe-failure.ts";
import { en } from "../src/i18n/messages-en.ts";
import { es } from "../src/i18n/messages-es.ts";
import { connectionContext, servicesContext } from "./context.server.ts";
import { provideCatalog } from "./lib/use-translate.ts";

provideCatalog("en", en);
provideCatalog("es", es);

// The Node server reaches these through the build, so it shares the bundle's context keys.
export { createLoadContext } from "./context.server.ts";

export const streamTimeout = 5_000;

/** Renders the whole page before answering (no streaming), so the status code is always right. */
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
  const { nonce } = loadContext.get(connectionContext);
  return new Promise<Response>((resolve, reject) => {
    const timeout = setTimeout(() => abort(), streamTimeout + 1000);
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
      nonce,
      onAllReady() {
        const body = new PassThrough({
          final(callback) {
            clearTimeout(timeout);
            callback();
          },
        });
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        pipe(body);
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      },
      onShellError: reject,
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
