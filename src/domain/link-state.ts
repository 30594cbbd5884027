/** Where an emailed link stands: it opens its form only while open. */
export type LinkState = "open" | "expired" | "used" | "unknown";
export type ClosedLinkState = Exclude<LinkState, "open">;

/** A link is used once answered, expired from its expiry on, and unknown when no link has the token. */
export function linkState(link: { completed_at: Date | null; expires_at: Date } | undefined, now: Date): LinkState {
  if (!link) return "unknown";
  if (link.completed_at) return "used";
  return link.expires_at <= now ? "expired" : "open";
}
