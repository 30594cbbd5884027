import type { Route } from "./+types/healthz";
import { databaseAnswers } from "../../src/queries/health.ts";
import { services } from "../lib/route-context.server.ts";

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export async function loader({ context }: Route.LoaderArgs) {
  const { db, driver } = services(context);
  if (await databaseAnswers(db)) return Response.json({ status: "ok", database: driver }, { headers: { "Cache-Control": "no-store" } });
  return Response.json({ status: "unavailable", database: driver }, { status: 503, headers: { "Cache-Control": "no-store" } });
}
