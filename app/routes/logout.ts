import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { deleteSession } from "../../src/data/sessions.ts";
import { cookieNames, serializeCookie } from "../../src/server/cookies.ts";
import { requestState, services } from "../lib/route-context.server.ts";

export function loader() {
  return redirect("/");
}

export async function action({ context }: Route.ActionArgs) {
  const { sessionIdHash } = requestState(context);
  if (sessionIdHash) await deleteSession(services(context).db, sessionIdHash);
  const cookie = serializeCookie(cookieNames.session, "", { secure: services(context).config.baseUrl.startsWith("https:"), maxAgeSeconds: 0 });
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}
