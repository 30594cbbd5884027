import { randomBytes } from "node:crypto";
import { data, type MiddlewareFunction } from "react-router";
import { keepSessionAlive } from "../../src/auth/session-lifetime.ts";
import { safeEqual, sign } from "../../src/auth/tokens.ts";
import { DatabaseUnreachableError, readSession } from "../../src/queries/session.ts";
import { isLocale, localeFromAcceptLanguage } from "../../src/i18n/translate.ts";
import { formBodyLimitBytes } from "../../src/server/body-limits.ts";
import { cookieNames, parseCookies, serializeCookie } from "../../src/server/cookies.ts";
import { readFieldAhead } from "../../src/server/read-field-ahead.ts";
import { connectionContext, requestStateContext, servicesContext, type SignedInUser } from "../context.server.ts";

const csrfSeedPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * Runs first on every request: finds the signed-in user, picks the language, and refuses any
 * form post whose CSRF token does not match the browser's CSRF cookie (the token must come
 * before any file of a multipart form: browsers send fields in page order, and ours is first).
 */
export const requestStateMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const services = context.get(servicesContext);
  const { nonce, clientIp } = context.get(connectionContext);
  const cookies = parseCookies(request.headers.get("cookie"));
  const now = services.now();
  const secure = services.config.baseUrl.startsWith("https:");

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
  const csrfSeed = existingSeed && csrfSeedPattern.test(existingSeed) ? existingSeed : randomBytes(32).toString("base64url");
  const csrfToken = sign(services.sessionSecret, csrfSeed);
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method.toUpperCase())) {
    // The cookie first: a post without one is refused before a byte of its body is read.
    if (csrfSeed !== existingSeed) throw data({ reason: "csrf" }, { status: 403 });
    const submitted = request.headers.get("x-csrf-token") ?? (await readFieldAhead(request, "csrf", formBodyLimitBytes));
    if (!submitted || !safeEqual(submitted, csrfToken)) throw data({ reason: "csrf" }, { status: 403 });
  }

  const cookieLocale = cookies[cookieNames.locale];
  const locale =
    user?.locale ?? (isLocale(cookieLocale) ? cookieLocale : undefined) ?? localeFromAcceptLanguage(request.headers.get("accept-language")) ?? "en";

  context.set(requestStateContext, { nonce, clientIp, locale, user, sessionIdHash, csrfToken });
  const response = await next();
  // A signed-in person's page is theirs alone: no shared cache keeps it, no browser stores it for the back button of the next person.
  if (user) response.headers.set("Cache-Control", "private, no-store");
  if (csrfSeed !== existingSeed) {
    response.headers.append("Set-Cookie", serializeCookie(cookieNames.csrf, csrfSeed, { secure, maxAgeSeconds: 365 * 24 * 3600 }));
  }
  return response;
};
