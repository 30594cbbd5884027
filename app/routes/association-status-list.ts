import type { Route } from "./+types/association-status-list";
import { signedStatusList, statusListVersion } from "../../src/queries/status-lists.ts";
import { read, services } from "../lib/route-context.server.ts";

/**
 * The association's Bitstring Status List of one purpose (revocation, suspension) as a signed
 * credential, public. Never stale: a revocation shows on the very next request (no-cache; the ETag,
 * from the signed bytes, changes exactly when the list's version does).
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const list = await read(context, statusListVersion, params.slug, params.purpose);
  const { config, credentialKeySecret } = services(context);
  const credential = await read(context, signedStatusList, list, { baseUrl: config.baseUrl, credentialKeySecret });
  return new Response(JSON.stringify(credential, null, 2), {
    headers: { "Content-Type": "application/ld+json", "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*" },
  });
}
