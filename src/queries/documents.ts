import { listDocumentsOfUser } from "../data/documents.ts";
import { findPortfolio } from "../data/portfolios.ts";
import { findSection, supportableEntries } from "../forms/portfolio-sections.ts";
import type { SessionActor } from "../policies/actor.ts";
import type { Reader } from "./reader.ts";

/**
 * The person's documents page: what they uploaded (dated as the portfolio lists it), and the
 * entries a new document can support, as form fields for their one-line summaries.
 */
export async function documentsOf(read: Reader, actor: SessionActor) {
  const [documents, { portfolio }] = await Promise.all([listDocumentsOfUser(read.db, actor.userId), findPortfolio(read.db, actor.userId)]);
  const listed = new Map(portfolio.documents.map((document) => [document.id, document]));
  return {
    documents: documents.map((document) => ({
      id: document.id,
      type: document.type,
      filename: document.filename,
      sizeKb: Math.ceil(document.size_bytes / 1024),
      date: listed.get(document.id)?.date ?? document.created_at.toISOString().slice(0, 10),
      aboutEntryId: listed.get(document.id)?.about ?? null,
    })),
    entries: supportableEntries(portfolio).map(({ section, entry }) => ({ id: entry.id, section, fields: findSection(section)!.fromEntry(entry) })),
  };
}
