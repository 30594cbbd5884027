/** An origin that is never ours nor anyone's: a target that resolves elsewhere is refused. */
const ownOrigin = "https://cradle.invalid";

/**
 * Only paths on this site, so a crafted link cannot send someone elsewhere (after logging in, after
 * switching language). The target is parsed as browsers parse a Location header: they drop tabs and
 * newlines and read "\" as "/", so `/\t/evil.example` and `/\evil.example` are other hosts. What is
 * kept is the path, query and hash of a URL on our own origin, percent-encoded as the parser writes it
 * (so never a raw control character for a header); anything else gives `fallback`.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.trim() === "") return fallback;
  let url: URL;
  try {
    url = new URL(value, `${ownOrigin}/`);
  } catch {
    return fallback;
  }
  if (url.origin !== ownOrigin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" parses to the path "//evil", which a browser would read as another host.
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : fallback;
}
