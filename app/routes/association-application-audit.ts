import type { Route } from "./+types/association-application-audit";
import { applicationTrailCsv } from "../../src/queries/application-history.ts";
import { read, requireUser } from "../lib/route-context.server.ts";

/** An application's audit trail as a CSV file, for the association's staff; anyone else gets 404. */
export async function loader({ params, context }: Route.LoaderArgs) {
  requireUser(context);
  const { csv, fileName } = await read(context, applicationTrailCsv, params.slug, params.id);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
