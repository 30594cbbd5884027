import { createContext, RouterContextProvider } from "react-router";
import type { Locale } from "../src/i18n/locale.ts";
import type { SessionActor } from "../src/policies/actor.ts";
import type { Services } from "../src/server/services.ts";

/** Long-lived parts shared by every request: database, settings, logger, mail worker. */
export const servicesContext = createContext<Services>();

export type SignedInUser = SessionActor & { name: string; email: string; locale: Locale | null };

/** What the root middleware works out for each request. */
export type RequestState = {
  clientIp: string;
  locale: Locale;
  user: SignedInUser | null;
  sessionIdHash: string | null;
  /**
   * The CSRF token for the page's forms, setting the cookie it matches on first use: only the root
   * loader asks, so a data request that does not run it sets no cookie to race the one that does.
   * Empty on a public page seen without a session, which is the same for everyone (decision 021).
   */
  csrfToken: () => string;
};
export const requestStateContext = createContext<RequestState>();

/** Bootstrap data from the Node server, before any middleware runs. */
export const connectionContext = createContext<{ clientIp: string }>();

export function createLoadContext(services: Services, connection: { clientIp: string }) {
  const context = new RouterContextProvider();
  context.set(servicesContext, services);
  context.set(connectionContext, connection);
  return context;
}
