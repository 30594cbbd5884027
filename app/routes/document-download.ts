import type { Route } from "./+types/document-download";
import { recordDocumentDownload } from "../../src/commands/record-document-download.ts";
import { notFound, requireUser, run, services } from "../lib/route-context.server.ts";

/** Sends a document to someone entitled to it, and logs who downloaded what. Others get 404, not 403: no hint it exists. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = requireUser(context);
  const recorded = await run(context, recordDocumentDownload, { documentId: params.id }, user);
  if (!recorded.ok) notFound();
  const document = recorded.value;
  const bytes = await services(context).files.get(document.sha256);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": document.mediaType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${document.filename.replace(/[^\w.\- ]/g, "_")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
