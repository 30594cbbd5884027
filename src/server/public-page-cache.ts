import type { IncomingMessage } from "node:http";
import type { PublicDataChange } from "../domain/public-data.ts";
import { cookieNames, parseCookies } from "./cookies.ts";
import { pagePathOfDataRequest, publicPageAt } from "./public-pages.ts";
import type { ResponseCache } from "./response-cache.ts";
import { visitorLocale } from "./visitor-locale.ts";
import { keptAnswer, type WholeAnswer } from "./write-whole-answer.ts";

export type PublicPageRequest = { key: string; shows: readonly PublicDataChange[] };

/**
 * A request the cache may answer: a GET of a listed public page (or its `.data`), without a query,
 * from someone without a session cookie; keyed by its language and path.
 */
export function publicPageRequest(req: IncomingMessage, pathname: string): PublicPageRequest | undefined {
  if ((req.method !== "GET" && req.method !== "HEAD") || req.url?.includes("?")) return undefined;
  const page = publicPageAt(pagePathOfDataRequest(pathname) ?? pathname);
  if (!page) return undefined;
  const cookies = parseCookies(req.headers.cookie ?? null);
  if (cookies[cookieNames.session] !== undefined) return undefined;
  return { key: `${visitorLocale(cookies[cookieNames.locale], req.headers["accept-language"])} ${pathname}`, shows: page.shows };
}

const keptTypes = /^(text\/(html|x-script)|application\/ld\+json)/;

/**
 * Keeps the app's answer to a public page request when it is the page everyone gets: a 200 that sets
 * no cookie and that no route marked private. Returns what to send, kept or not.
 */
export async function keepPublicPage(
  cache: ResponseCache,
  request: PublicPageRequest,
  renderedSince: number,
  response: Response,
  method: string | undefined,
): Promise<WholeAnswer | undefined> {
  const isKeepable =
    method === "GET" &&
    response.status === 200 &&
    response.headers.getSetCookie().length === 0 &&
    !/private|no-store/.test(response.headers.get("cache-control") ?? "") &&
    keptTypes.test(response.headers.get("content-type") ?? "");
  if (!isKeepable) return undefined;
  const answer = keptAnswer(200, [...response.headers], new Uint8Array(await response.arrayBuffer()));
  cache.store(request.key, request.shows, renderedSince, answer);
  return answer;
}
