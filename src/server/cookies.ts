export function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies[name] ??= decodeURIComponent(value);
    } catch {
      // A cookie we did not write; ignore it.
    }
  }
  return cookies;
}

export type CookieOptions = { maxAgeSeconds?: number; httpOnly?: boolean; secure: boolean };

/** Cookies are SameSite=Lax and path=/ everywhere: sent on top-level navigation, never on cross-site posts. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  if (options.httpOnly !== false) parts.push("HttpOnly");
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

/** `device`: a browser that logged in as someone before (src/auth/known-device.ts), so their log-in is not locked out by others' guesses. */
export const cookieNames = { session: "cradle_session", csrf: "cradle_csrf", locale: "cradle_lang", device: "cradle_device" } as const;
