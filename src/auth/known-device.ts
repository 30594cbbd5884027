import { safeEqual, sign } from "./tokens.ts";

/** How long a browser stays a known device for an account after its last successful log-in. */
export const knownDeviceLifetimeMs = 365 * 24 * 60 * 60 * 1000;

const macOf = (secret: string, userId: string, issuedAtMs: number) => sign(secret, `known-device:v1:${userId}:${issuedAtMs}`);

/**
 * The value of the `cradle_device` cookie a successful log-in leaves: it names the person and is
 * signed with SESSION_SECRET, so it cannot be made for someone else. It is no session (it opens
 * nothing by itself); it only tells the log-in that this browser logged in as that person before,
 * so someone guessing that person's password elsewhere cannot lock them out here.
 */
export function knownDeviceCookieValue(secret: string, userId: string, now: Date): string {
  const issuedAtMs = now.getTime();
  return `v1.${userId}.${issuedAtMs}.${macOf(secret, userId, issuedAtMs)}`;
}

/** The person a `cradle_device` cookie names when its signature holds and it is not too old; else undefined. */
export function knownDeviceUserOf(secret: string, value: string | undefined, now: Date): string | undefined {
  const [version, userId, issued, mac, ...rest] = (value ?? "").split(".");
  if (version !== "v1" || !userId || !issued || !mac || rest.length > 0 || !/^\d{1,15}$/.test(issued)) return undefined;
  const issuedAtMs = Number(issued);
  if (!safeEqual(mac, macOf(secret, userId, issuedAtMs))) return undefined;
  const age = now.getTime() - issuedAtMs;
  return age >= 0 && age < knownDeviceLifetimeMs ? userId : undefined;
}
