import { appendAudit } from "../data/audit-log.ts";
import { insertDocument } from "../data/documents.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import type { Portfolio } from "../domain/portfolio-schema.ts";
import { sniffFileType } from "../domain/sniff-file-type.ts";
import type { FileStore } from "../files/file-store.ts";
import { type CommandContext, fail, ok, type Result } from "./command-context.ts";

export const maxUploadBytes = 20 * 1024 * 1024;
export const documentTypes = ["transcript", "certificate", "resume", "personal-statement", "learning-narrative", "reflection", "other"] as const;
export type DocumentType = (typeof documentTypes)[number];

/** The entries a document can support: degrees (their transcripts), licences and trainings (their certificates). */
export function supportableEntries(portfolio: Portfolio) {
  return [
    ...portfolio.education.map((entry) => ({ section: "education", entry: entry })),
    ...portfolio.licences.map((entry) => ({ section: "licences", entry: entry })),
    ...portfolio.training.map((entry) => ({ section: "training", entry: entry })),
  ];
}

/**
 * Stores an upload (checked by its content, not its name) and lists it in the portfolio, in one
 * transaction; `about` names the entry it supports, such as the training a certificate is for.
 */
export async function uploadDocument(
  context: CommandContext,
  files: FileStore,
  userId: string,
  input: { type: DocumentType; filename: string; bytes: Uint8Array; about?: string },
): Promise<Result<{ documentId: string }>> {
  if (input.bytes.length === 0) return fail({ file: "import.noFile" });
  if (input.bytes.length > maxUploadBytes) return fail({ file: "documents.tooBig" });
  const kind = sniffFileType(input.bytes);
  if (!kind) return fail({ file: "documents.wrongType" });
  const sha256 = await files.put(input.bytes);
  const now = context.now();
  // Bytes already stored for an upload that fails below are harmless: they are shared by hash and named by no row.
  return context.db.transaction().execute(async (tx): Promise<Result<{ documentId: string }>> => {
    const portfolio = await findPortfolioForUpdate(tx, userId);
    if (input.about && !supportableEntries(portfolio).some(({ entry }) => entry.id === input.about)) return fail({ about: "portfolio.notFound" });
    const document = await insertDocument(tx, { userId, sha256, type: input.type, filename: input.filename.slice(0, 200), mediaType: kind.mediaType, sizeBytes: input.bytes.length });
    const entry = { id: document.id, type: input.type, date: now.toISOString().slice(0, 10), ...(input.about ? { about: input.about } : {}) };
    await writePortfolio(tx, userId, { ...portfolio, documents: [...portfolio.documents, entry] }, now);
    await appendAudit(tx, { actorUserId: userId, action: "document.uploaded", subjectType: "document", subjectId: document.id, details: { type: input.type, sha256 } });
    return ok({ documentId: document.id });
  });
}
