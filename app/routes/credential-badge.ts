import type { Route } from "./+types/credential-badge";
import { downloadOpenBadge } from "../../src/commands/download-open-badge.ts";
import { applicationPolicy } from "../../src/policies/application.ts";
import { authorize, notFound, run } from "../lib/route-context.server.ts";

/** The holder's signed Open Badges 3.0 credential as a JSON file; anyone else's is not found. */
export async function loader({ params, context }: Route.LoaderArgs) {
  authorize(context, applicationPolicy.applyAsMember);
  const signed = await run(context, downloadOpenBadge, { credentialId: params.id });
  if (!signed.ok) notFound();
  return new Response(JSON.stringify(signed.value.badge, null, 2), {
    headers: {
      "Content-Type": "application/ld+json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${signed.value.number}-open-badge.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
