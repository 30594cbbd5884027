import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequestHandler, type RouterContextProvider, type ServerBuild } from "react-router";
import { localeFromAcceptLanguage, type MessageKey, translator } from "../i18n/translate.ts";
import { maxFormFields } from "../limits.ts";
import { bodyLimitOf } from "./body-limits.ts";
import { contentSecurityPolicy } from "./content-security-policy.ts";
import { toFetchRequest, writeFetchResponse } from "./fetch-bridge.ts";
import { keepPublicPage, publicPageRequest } from "./public-page-cache.ts";
import { decodedPathOf } from "./request-path.ts";
import type { Services } from "./services.ts";
import { isFilePath, serveStaticFile } from "./static-files.ts";
import { writeWholeAnswer } from "./write-whole-answer.ts";

type CradleBuild = ServerBuild & {
  entry: { module: { createLoadContext(services: Services, connection: { clientIp: string }): RouterContextProvider } };
};

/** Security headers on every answer; a rendered page replaces the CSP with one that lists its inline scripts' hashes. */
export function securityHeaders(isHttps: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // Links in mail carry tokens in their query: never pass the address on to another site.
    // (Not "no-referrer": Chrome then sends "Origin: null" with form posts, which React Router rejects.)
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(isHttps ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** The Node request listener: static assets from the build, then React Router with our services in its context. */
export function createHttpHandler(build: ServerBuild, services: Services, clientDir: string) {
  const cradleBuild = build as CradleBuild;
  // Always React Router's production mode: in development mode it sends a failed loader's message and
  // stack to the browser (in the page's data and in .data answers); the log has them instead.
  const handle = createRequestHandler(build, "production");
  const headersOfEveryAnswer = Object.entries(securityHeaders(services.config.baseUrl.startsWith("https:")));

  return async (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of headersOfEveryAnswer) res.setHeader(name, value);
    try {
      const pathname = decodedPathOf(req.url);
      if (pathname === undefined) return answerPlainText(req, res, 400, "http.malformedAddress");
      // PostgreSQL keeps no NUL in text: an address or query carrying one is refused before anything reads it.
      if (/%00/i.test(req.url ?? "")) return answerPlainText(req, res, 400, "limit.nulInAddress");
      const bodyLimit = bodyLimitOf(pathname, req.headers["content-type"] ?? "");
      if (Number(req.headers["content-length"] ?? 0) > bodyLimit) return refuseTooLarge(req, res, bodyLimit);
      if ((req.method === "GET" || req.method === "HEAD") && isFilePath(pathname)) {
        // A missing file (the browser's own /favicon.ico) is not a page: no render, and no CSRF cookie
        // racing the one a page's data request sets.
        if (!(await serveStaticFile(clientDir, pathname, req, res))) answerPlainText(req, res, 404, "errorPage.404");
        return;
      }
      const publicPage = publicPageRequest(req, pathname);
      const cached = publicPage && services.responseCache.get(publicPage.key);
      if (cached) return await writeWholeAnswer(req, res, cached);
      const renderedSince = services.responseCache.generation();
      const controller = new AbortController();
      res.on("close", () => controller.abort());
      const { request, bodyRefusal } = toFetchRequest(req, controller.signal, bodyLimit);
      const context = cradleBuild.entry.module.createLoadContext(services, { clientIp: clientAddress(req, services.config.trustProxy) });
      const response = await handle(request, context);
      // Whatever the app made of a body cut off at a limit, the answer is that limit.
      const refusal = bodyRefusal();
      if (refusal === "too-large") return refuseTooLarge(req, res, bodyLimit);
      if (refusal === "too-many-fields") return refuseUnread(req, res, 400, "limit.tooManyFields", { max: maxFormFields });
      const kept = publicPage && (await keepPublicPage(services.responseCache, publicPage, renderedSince, response, req.method));
      if (kept) return await writeWholeAnswer(req, res, kept);
      await writeFetchResponse(response, req, res);
    } catch (error) {
      services.logger.error({ err: error, url: req.url }, "unhandled request error");
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      }
      res.end("Internal Server Error");
    }
  };
}

/** Answers before reading the body, and closes the connection rather than read the rest of it. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limitBytes: number) {
  refuseUnread(req, res, 413, "http.tooLarge", { megabytes: Math.floor(limitBytes / (1024 * 1024)) });
}

function refuseUnread(req: IncomingMessage, res: ServerResponse, status: number, key: MessageKey, values: Record<string, number>) {
  res.setHeader("Connection", "close");
  answerPlainText(req, res, status, key, values);
}

function answerPlainText(req: IncomingMessage, res: ServerResponse, status: number, key: MessageKey, values?: Record<string, number>) {
  const t = translator(localeFromAcceptLanguage(req.headers["accept-language"]) ?? "en");
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  res.end(`${t(key, values)}\n`);
}

/** Rate limits count per client address; behind a proxy every request would otherwise share the proxy's. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Only the hop our own proxy appended is trustworthy; earlier ones are whatever the client sent.
  return (trustProxy ? hops.at(-1) : undefined) ?? req.socket.remoteAddress ?? "unknown";
}
