import { z } from "zod";
import { associationsAppliedTo, findDocument, reviewsApplicationsOf } from "../data/documents.ts";
import { documentPolicy } from "../policies/document.ts";
import { defineCommand, done, refuse } from "./define-command.ts";

/**
 * Hands a document to someone entitled to it (its owner, staff of an association the owner
 * applied to, an assigned reviewer) and logs who took it. Anyone else is told it does not exist.
 */
export const recordDocumentDownload = defineCommand({
  name: "document.downloaded",
  actors: ["person"],
  input: z.object({ documentId: z.string() }),
  async run({ tx, actor, input }) {
    const document = (await findDocument(tx, input.documentId)) ?? refuse({ form: "portfolio.notFound" });
    const appliedAssociationIds = await associationsAppliedTo(tx, document.user_id);
    const isAssignedReviewer = await reviewsApplicationsOf(tx, actor.userId, document.user_id);
    if (!documentPolicy.read(actor, document, { appliedAssociationIds, isAssignedReviewer })) refuse({ form: "portfolio.notFound" });
    const value = { sha256: document.sha256, filename: document.filename, mediaType: document.media_type };
    return done({ type: "document", id: document.id }, value, { owner: document.user_id });
  },
});
