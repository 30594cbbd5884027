import type { Route } from "./+types/document-download";
import { appendAudit } from "../../src/data/audit-log.ts";
import { associationsAppliedTo, findDocument, reviewsApplicationsOf } from "../../src/data/documents.ts";
import { documentPolicy } from "../../src/policies/document.ts";
import { notFound, requireUser, services } from "../lib/route-context.server.ts";

/** Sends a document to someone entitled to it, and logs who downloaded what. Others get 404, not 403: no hint it exists. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = requireUser(context);
  const { db, files } = services(context);
  const document = (await findDocument(db, params.id)) ?? notFound();
  const [appliedAssociationIds, isAssignedReviewer] = await Promise.all([associationsAppliedTo(db, document.user_id), reviewsApplicationsOf(db, user.userId, document.user_id)]);
  if (!documentPolicy.read(user, document, { appliedAssociationIds, isAssignedReviewer })) notFound();
  const bytes = await files.get(document.sha256);
  await appendAudit(db, { actor: user, action: "document.downloaded", subjectType: "document", subjectId: document.id });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": document.media_type,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${document.filename.replace(/[^\w.\- ]/g, "_")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
