import { randomBytes } from "node:crypto";
import { data, type MiddlewareFunction } from "react-router";
import { keepSessionAlive } from "../../src/auth/session-lifetime.ts";
import { safeEqual, sign } from "../../src/auth/tokens.ts";
import { DatabaseUnreachableError, readSession } from "../../src/queries/session.ts";
import { formBodyLimitBytes } from "../../src/server/body-limits.ts";
import { cookieNames, parseCookies, serializeCookie } from "../../src/server/cookies.ts";
import { publicPageAt } from "../../src/server/public-pages.ts";
import { readFieldAhead } from "../../src/server/read-field-ahead.ts";
import { visitorLocale } from "../../src/server/visitor-locale.ts";
import { connectionContext, requestStateContext, servicesContext, type SignedInUser } from "../context.server.ts";
import { isSameOriginPost } from "./same-origin.server.ts";

const csrfSeedPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * Runs first on every request: finds the signed-in user, picks the language, and refuses any
 * form post whose CSRF token does not match the browser's CSRF cookie (the token must come
 * before any file of a multipart form: browsers send fields in page order, and ours is first).
 * The cookie is set with the first token handed out (RequestState.csrfToken): not by a public page
 * seen without a session, which must be the same bytes for everyone (decision 021).
 */
export const requestStateMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const services = context.get(servicesContext);
  const { clientIp } = context.get(connectionContext);
  const cookies = parseCookies(request.headers.get("cookie"));
  const now = services.now();
  const secure = services.config.baseUrl.startsWith("https:");
  const pathname = new URL(request.url).pathname;

  let user: SignedInUser | null = null;
  let sessionIdHash: string | null = null;
  const sessionToken = cookies[cookieNames.session];
  if (sessionToken) {
    const session = await readSession(services.db, sessionToken, now).catch((error: unknown) => {
      if (error instanceof DatabaseUnreachableError) throw data({ reason: "database-unavailable" }, { status: 503 });
      throw error;
    });
    if (session) {
      sessionIdHash = session.idHash;
      user = session.person;
      // Upkeep outside the command runner (docs/ARCHITECTURE.md): sliding expiry, not a person's change.
      await keepSessionAlive(services.db, session, now);
    }
  }

  const existingSeed = cookies[cookieNames.csrf];
  const validSeed = existingSeed && csrfSeedPattern.test(existingSeed) ? existingSeed : undefined;
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method.toUpperCase())) {
    // A visitor's language is only a cookie of theirs: what another site could do with it is nothing
    // worth a token, which public pages do not carry. A post from another site is still refused.
    const isVisitorsLanguage = !user && pathname === "/language";
    if (isVisitorsLanguage ? !isSameOriginPost(request) : !validSeed) throw data({ reason: "csrf" }, { status: 403 });
    if (!isVisitorsLanguage) {
      // The cookie first (above): a post without one is refused before a byte of its body is read.
      const submitted = request.headers.get("x-csrf-token") ?? (await readFieldAhead(request, "csrf", formBodyLimitBytes));
      if (!submitted || !safeEqual(submitted, sign(services.sessionSecret, validSeed!))) throw data({ reason: "csrf" }, { status: 403 });
    }
  }
  const isPublicPage = !user && publicPageAt(pathname) !== undefined;
  let issuedSeed: string | undefined;
  const csrfToken = () => {
    if (isPublicPage) return "";
    issuedSeed ??= validSeed ?? randomBytes(32).toString("base64url");
    return sign(services.sessionSecret, issuedSeed);
  };

  const locale = user?.locale ?? visitorLocale(cookies[cookieNames.locale], request.headers.get("accept-language"));

  context.set(requestStateContext, { clientIp, locale, user, sessionIdHash, csrfToken });
  const response = await next();
  // A signed-in person's page is theirs alone: no shared cache keeps it, no browser stores it for the back button of the next person.
  // Anyone else's is checked again at each use (its ETag makes that cheap); one with a token is theirs alone too.
  if (user) response.headers.set("Cache-Control", "private, no-store");
  else if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", issuedSeed ? "private, no-cache" : "no-cache");
  if (issuedSeed && issuedSeed !== existingSeed) {
    response.headers.append("Set-Cookie", serializeCookie(cookieNames.csrf, issuedSeed, { secure, maxAgeSeconds: 365 * 24 * 3600 }));
  }
  return response;
};
