import { createHash } from "node:crypto";

/**
 * The policy of every answer. Inline scripts run only when the page lists their hash (decision 021):
 * a hash is the same for everyone who gets the same page, so a public page can be cached whole,
 * which a per-request nonce would forbid.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((hash) => `'${hash}'`)].join(" "),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

// React Router escapes "<" in what it writes inside a script, so the first "</script" closes it.
const inlineScript = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** `sha256-...` of each inline script of a rendered page, as CSP compares them: over the exact UTF-8 text. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, text = ""] of html.matchAll(inlineScript)) {
    hashes.add(`sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`);
  }
  return [...hashes];
}
