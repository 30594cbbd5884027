import { createToken } from "../../auth/tokens.ts";

export const linkLifetimeDays = 30;

/** A new link token and the day it stops working (as a date a person reads). */
export function newLinkToken(now: Date) {
  const { token, hash } = createToken();
  const expiresAt = new Date(now.getTime() + linkLifetimeDays * 24 * 3600 * 1000);
  return { token, hash, expiresAt, until: expiresAt.toISOString().slice(0, 10) };
}
