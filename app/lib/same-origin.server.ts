/**
 * Whether a post comes from our own pages, by what browsers say of its origin: Sec-Fetch-Site where
 * they send it, else Origin. A client that sends neither is no browser another site can drive.
 */
export function isSameOriginPost(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === new URL(request.url).host;
  } catch {
    return false;
  }
}
