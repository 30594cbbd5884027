import type { Db } from "../data/database.ts";
import { clearHits, recordHit, takeBackHit } from "../data/rate-limits.ts";
import { mailRateLimits } from "./mail-rate-limits.ts";

const minute = 60 * 1000;

/**
 * How many tries each kind of request gets per window, per email address and per client address.
 * Log-in counts failures only: each try is counted before the password is checked (so parallel
 * guesses cannot slip past the limit) and taken back when the password was right.
 */
export const rateLimits = {
  "log-in:email": { max: 10, windowMs: 15 * minute },
  "log-in:ip": { max: 50, windowMs: 15 * minute },
  "reset:email": { max: 3, windowMs: 60 * minute },
  "reset:ip": { max: 20, windowMs: 60 * minute },
  ...mailRateLimits,
} as const;

export type RateLimitName = keyof typeof rateLimits;

/** Counts this try; returns the minutes to wait when it is over the limit, else undefined. */
export async function hitRateLimit(db: Db, name: RateLimitName, subject: string, now: Date): Promise<number | undefined> {
  const limit = rateLimits[name];
  const hits = await recordHit(db, `${name}:${subject.toLowerCase()}`, limit.windowMs, now);
  return hits > limit.max ? Math.ceil(limit.windowMs / minute) : undefined;
}

/** Takes back the count of a try that turned out not to be a failure. */
export function forgiveRateLimitHit(db: Db, name: RateLimitName, subject: string) {
  return takeBackHit(db, `${name}:${subject.toLowerCase()}`);
}

export function resetRateLimit(db: Db, name: RateLimitName, subject: string) {
  return clearHits(db, `${name}:${subject.toLowerCase()}`);
}
