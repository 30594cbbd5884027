import { randomBytes } from "node:crypto";
import { entrySchemas, heldCredential, uniqueIdsPortfolioSchema } from "../domain/portfolio-schema.ts";
import { findPortfolioForUpdate, writePortfolio } from "../data/portfolios.ts";
import { trainingRowsFromCsv } from "../forms/training-csv.ts";
import type { CommandContext } from "./command-context.ts";

type List = "education" | "licences" | "credentials" | "work" | "training" | "reflectiveSupervision" | "reading" | "video" | "references" | "documents" | "memberships";

const schemas: Record<List, { safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }> = {
  education: entrySchemas.education,
  licences: entrySchemas.licence,
  credentials: heldCredential,
  work: entrySchemas.work,
  training: entrySchemas.training,
  reflectiveSupervision: entrySchemas.rsc,
  reading: entrySchemas.activity,
  video: entrySchemas.activity,
  references: entrySchemas.reference,
  documents: entrySchemas.document,
  memberships: entrySchemas.membership,
};

export type ImportReport = {
  added: Array<{ list: string; id: string }>;
  skipped: Array<{ list: string; id: string }>;
  rejected: Array<{ where: string; reason: string }>;
};

/** Merges entries into the person's portfolio: each valid entry is added, an identical one is skipped, a bad one is reported and left out. */
async function mergeEntries(context: CommandContext, userId: string, incoming: Array<{ list: List; where: string; entry: unknown }>): Promise<ImportReport> {
  const report: ImportReport = { added: [], skipped: [], rejected: [] };
  await context.db.transaction().execute(async (tx) => {
    const current = await findPortfolioForUpdate(tx, userId);
    const next: Record<string, unknown[]> = Object.fromEntries(Object.keys(schemas).map((list) => [list, [...(current[list as List] as unknown[])]]));
    const ids = new Set(Object.values(next).flatMap((entries) => entries.map((entry) => (entry as { id?: string }).id)));
    for (const { list, where, entry } of incoming) {
      const raw = { ...(entry as Record<string, unknown>) };
      if (list !== "credentials" && typeof raw.id !== "string") raw.id = `${list}-${randomBytes(5).toString("hex")}`;
      const parsed = schemas[list].safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error!.issues[0]!;
        report.rejected.push({ where: `${where}${issue.path.length ? `.${issue.path.join(".")}` : ""}`, reason: issue.message });
        continue;
      }
      const value = parsed.data as Record<string, unknown>;
      const same = next[list]!.find((existing) => JSON.stringify(existing) === JSON.stringify(value));
      if (same) {
        report.skipped.push({ list, id: typeof value.id === "string" ? value.id : `${String(value.framework)}/${String(value.category)}` });
        continue;
      }
      if (typeof value.id === "string" && ids.has(value.id)) value.id = `${value.id}-${randomBytes(3).toString("hex")}`;
      ids.add(value.id as string);
      next[list]!.push(value);
      report.added.push({ list, id: typeof value.id === "string" ? value.id : `${String(value.framework)}/${String(value.category)}` });
    }
    if (report.added.length > 0) await writePortfolio(tx, userId, uniqueIdsPortfolioSchema.parse({ ...current, ...next }), context.now());
  });
  return report;
}

/** A portable portfolio file (docs/portfolio-format.md). */
export async function importPortfolioJson(context: CommandContext, userId: string, text: string): Promise<ImportReport> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { added: [], skipped: [], rejected: [{ where: "file", reason: `not valid JSON (${(error as Error).message})` }] };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { added: [], skipped: [], rejected: [{ where: "file", reason: "not a portfolio" }] };
  const incoming = (Object.keys(schemas) as List[]).flatMap((list) => {
    const entries = (data as Record<string, unknown>)[list];
    return Array.isArray(entries) ? (entries as unknown[]).map((entry, index) => ({ list, where: `${list}.${index}`, entry })) : [];
  });
  return mergeEntries(context, userId, incoming);
}

/** A training history exported as CSV by a training provider. */
export async function importTrainingCsv(context: CommandContext, userId: string, file: string | Uint8Array): Promise<ImportReport> {
  let rows;
  try {
    rows = trainingRowsFromCsv(file);
  } catch (error) {
    return { added: [], skipped: [], rejected: [{ where: "file", reason: (error as Error).message }] };
  }
  return mergeEntries(context, userId, rows.map((row) => ({ list: "training", where: `line ${row.line}`, entry: row.entry })));
}
