import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { logOut } from "../../src/commands/log-out.ts";
import { cookieNames, serializeCookie } from "../../src/server/cookies.ts";
import { currentUser, requestState, run, services } from "../lib/route-context.server.ts";

export function loader() {
  return redirect("/");
}

/** Ends the session (audited); the cookie is cleared even when there was none to end. */
export async function action({ context }: Route.ActionArgs) {
  const { sessionIdHash } = requestState(context);
  if (sessionIdHash && currentUser(context)) await run(context, logOut, { sessionIdHash });
  const cookie = serializeCookie(cookieNames.session, "", { secure: services(context).config.baseUrl.startsWith("https:"), maxAgeSeconds: 0 });
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}
