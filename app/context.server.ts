import { createContext, RouterContextProvider } from "react-router";
import type { Locale } from "../src/i18n/locale.ts";
import type { SessionActor } from "../src/policies/actor.ts";
import type { Services } from "../src/server/services.ts";

/** Long-lived parts shared by every request: database, settings, logger, mail worker. */
export const servicesContext = createContext<Services>();

export type SignedInUser = SessionActor & { name: string; email: string; locale: Locale | null };

/** What the root middleware works out for each request. */
export type RequestState = {
  nonce: string;
  clientIp: string;
  locale: Locale;
  user: SignedInUser | null;
  sessionIdHash: string | null;
  csrfToken: string;
};
export const requestStateContext = createContext<RequestState>();

/** Bootstrap data from the Node server, before any middleware runs. */
export const connectionContext = createContext<{ nonce: string; clientIp: string }>();

export function createLoadContext(services: Services, connection: { nonce: string; clientIp: string }) {
  const context = new RouterContextProvider();
  context.set(servicesContext, services);
  context.set(connectionContext, connection);
  return context;
}
