import type { Route } from "./+types/association-keys";
import { controllerDocument, controllerUrlOf } from "../../src/credentials/controller-document.ts";
import { associationPublicKey } from "../../src/queries/signing-keys.ts";
import { read, services } from "../lib/route-context.server.ts";

/** The association's controller document: its public signing key, which verifiers of its credentials fetch. Public and cached (decision 021). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { slug, publicKeyMultibase } = await read(context, associationPublicKey, params.slug);
  const document = controllerDocument(controllerUrlOf(services(context).config.baseUrl, slug), publicKeyMultibase);
  return new Response(JSON.stringify(document, null, 2), {
    headers: { "Content-Type": "application/ld+json", "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
