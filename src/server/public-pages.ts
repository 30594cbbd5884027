import { credentialChange, type PublicData, type PublicDataChange, registryChange } from "../domain/public-data.ts";

type PublicPage = {
  pattern: string;
  shows: readonly PublicData[];
  /** The path's part naming the one credential the page shows: that credential's changes drop this page alone. */
  credentialIn?: string;
  /** The path's part naming the association whose registry the page shows: a change to any of its credentials drops it. */
  registryIn?: string;
};

/**
 * The pages that are the same for every visitor without a session, in each language, and the data
 * each shows: they carry no CSRF token and no nonce, and are served from the response cache until
 * a command that changes that data commits (decision 021). A page joins by being listed here.
 */
export const publicPages: readonly PublicPage[] = [
  { pattern: "/", shows: ["associations"] },
  { pattern: "/a/:slug", shows: ["associations"] },
  // An active signing key never changes; a new association slug is an "associations" change.
  { pattern: "/a/:slug/keys", shows: ["associations"] },
  // The association's name it shows goes with any "associations" change: coarse, and rare.
  { pattern: "/verify/:number", shows: ["associations"], credentialIn: ":number" },
  // Only its first page is kept (an address with a query, a lookup or a later page, never is).
  { pattern: "/a/:slug/registry", shows: ["associations"], registryIn: ":slug" },
];

/** The parts of the path in the pattern's `:name` places, or undefined when it does not match. */
function matches(pattern: string, pathname: string): Map<string, string> | undefined {
  const wanted = pattern.split("/");
  const given = pathname.split("/");
  if (wanted.length !== given.length) return undefined;
  const parts = new Map<string, string>();
  for (const [index, part] of wanted.entries()) {
    if (part.startsWith(":") && given[index] !== "") parts.set(part, given[index]!);
    else if (part !== given[index]) return undefined;
  }
  return parts;
}

/** The listed page at this path (a decoded path without its query), if any, with all it shows there. */
export function publicPageAt(pathname: string): { pattern: string; shows: readonly PublicDataChange[] } | undefined {
  for (const page of publicPages) {
    const parts = matches(page.pattern, pathname);
    if (!parts) continue;
    const credential = page.credentialIn && parts.get(page.credentialIn);
    const registry = page.registryIn && parts.get(page.registryIn);
    return {
      pattern: page.pattern,
      shows: [...page.shows, ...(credential ? [credentialChange(credential)] : []), ...(registry ? [registryChange(registry)] : [])],
    };
  }
  return undefined;
}

/** The page a React Router data request reads: `/a/x.data` reads `/a/x`, and `/_.data` the home page (`v8_trailingSlashAwareDataRequests`). */
export function pagePathOfDataRequest(pathname: string): string | undefined {
  if (pathname.endsWith("/_.data")) return pathname.slice(0, -"_.data".length);
  return pathname.endsWith(".data") ? pathname.slice(0, -".data".length) : undefined;
}
