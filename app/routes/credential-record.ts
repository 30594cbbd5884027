import type { Route } from "./+types/credential-record";
import { downloadLearnerRecord } from "../../src/commands/download-learner-record.ts";
import { applicationPolicy } from "../../src/policies/application.ts";
import { authorize, notFound, run } from "../lib/route-context.server.ts";

/** The holder's signed Comprehensive Learner Record (CLR 2.0) with one association, as a JSON file; without an active credential there, not found. */
export async function loader({ params, context }: Route.LoaderArgs) {
  authorize(context, applicationPolicy.applyAsMember);
  const signed = await run(context, downloadLearnerRecord, { associationSlug: params.associationSlug });
  if (!signed.ok) notFound();
  return new Response(JSON.stringify(signed.value.record, null, 2), {
    headers: {
      "Content-Type": "application/ld+json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${signed.value.associationSlug}-learner-record.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
