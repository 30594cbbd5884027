import type { PublicData } from "../data/public-data-notices.ts";

/**
 * The pages that are the same for every visitor without a session, in each language, and the data
 * each shows: they carry no CSRF token and no nonce, and are served from the response cache until
 * a command that changes that data commits (decision 021). A page joins by being listed here.
 */
export const publicPages: ReadonlyArray<{ pattern: string; shows: readonly PublicData[] }> = [
  { pattern: "/", shows: ["associations"] },
  { pattern: "/a/:slug", shows: ["associations"] },
  // An active signing key never changes; a new association slug is an "associations" change.
  { pattern: "/a/:slug/keys", shows: ["associations"] },
];

function matches(pattern: string, pathname: string): boolean {
  const wanted = pattern.split("/");
  const given = pathname.split("/");
  return wanted.length === given.length && wanted.every((part, index) => (part.startsWith(":") ? given[index] !== "" : part === given[index]));
}

/** The listed page at this path (a decoded path without its query), if any. */
export function publicPageAt(pathname: string) {
  return publicPages.find((page) => matches(page.pattern, pathname));
}

/** The page a React Router data request reads: `/a/x.data` reads `/a/x`, and `/_.data` the home page (`v8_trailingSlashAwareDataRequests`). */
export function pagePathOfDataRequest(pathname: string): string | undefined {
  if (pathname.endsWith("/_.data")) return pathname.slice(0, -"_.data".length);
  return pathname.endsWith(".data") ? pathname.slice(0, -".data".length) : undefined;
}
