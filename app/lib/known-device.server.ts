import type { RouterContextProvider } from "react-router";
import { knownDeviceCookieValue, knownDeviceLifetimeMs, knownDeviceUserOf } from "../../src/auth/known-device.ts";
import { cookieNames, parseCookies, serializeCookie } from "../../src/server/cookies.ts";
import { services } from "./route-context.server.ts";

type Context = Readonly<RouterContextProvider>;

/** The person this browser logged in as before, when its `cradle_device` cookie is signed by us and recent. */
export function knownDeviceUser(context: Context, request: Request): string | undefined {
  const { sessionSecret, now } = services(context);
  return knownDeviceUserOf(sessionSecret, parseCookies(request.headers.get("cookie"))[cookieNames.device], now());
}

/** The Set-Cookie value that makes this browser a known device for the person who just logged in. */
export function knownDeviceCookie(context: Context, userId: string): string {
  const { sessionSecret, now, config } = services(context);
  return serializeCookie(cookieNames.device, knownDeviceCookieValue(sessionSecret, userId, now()), {
    secure: config.baseUrl.startsWith("https:"),
    maxAgeSeconds: knownDeviceLifetimeMs / 1000,
  });
}
