import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequestHandler, type RouterContextProvider, type ServerBuild } from "react-router";
import type { Services } from "./services.ts";
import { serveStaticFile } from "./static-files.ts";

type CradleBuild = ServerBuild & {
  entry: { module: { createLoadContext(services: Services, connection: { nonce: string; clientIp: string }): RouterContextProvider } };
};

/** Security headers on every answer; the CSP nonce lets only our own inline bootstrap script run. */
export function securityHeaders(nonce: string, isHttps: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; "),
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
  const handle = createRequestHandler(build, services.config.isProduction ? "production" : "development");
  const isHttps = services.config.baseUrl.startsWith("https:");

  return async (req: IncomingMessage, res: ServerResponse) => {
    const nonce = randomBytes(16).toString("base64");
    for (const [name, value] of Object.entries(securityHeaders(nonce, isHttps))) res.setHeader(name, value);
    try {
      if ((req.method === "GET" || req.method === "HEAD") && (await serveStaticFile(clientDir, req, res))) return;
      const controller = new AbortController();
      res.on("close", () => controller.abort());
      const request = toFetchRequest(req, controller.signal);
      const context = cradleBuild.entry.module.createLoadContext(services, { nonce, clientIp: clientAddress(req, services.config.trustProxy) });
      const response = await handle(request, context);
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

/** Rate limits count per client address; behind a proxy every request would otherwise share the proxy's. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").map((hop) => hop.trim()).filter(Boolean);
  // Only the hop our own proxy appended is trustworthy; earlier ones are whatever the client sent.
  return (trustProxy ? hops.at(-1) : undefined) ?? req.socket.remoteAddress ?? "unknown";
}

function toFetchRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const url = new URL(req.url ?? "/", `http://${headers.get("host") ?? "localhost"}`);
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(url, {
    method,
    headers,
    signal,
    ...(hasBody ? { body: ReadableStreamFromNode(req), duplex: "half" } : {}),
  });
}

function ReadableStreamFromNode(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      req.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
      req.on("end", () => controller.close());
      req.on("error", (error) => controller.error(error));
    },
  });
}

async function writeFetchResponse(response: Response, req: IncomingMessage, res: ServerResponse) {
  const rawHeaders: string[] = [];
  for (const [key, value] of response.headers) rawHeaders.push(key, value);
  res.writeHead(response.status, rawHeaders);
  if (response.body && req.method !== "HEAD") {
    const reader = response.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) res.write(part.value);
  }
  res.end();
}
