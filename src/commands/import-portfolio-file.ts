import { randomBytes } from "node:crypto";
import { z } from "zod";
import { writePortfolio } from "../data/portfolios.ts";
import { entrySchemas, heldCredential, type Portfolio, uniqueIdsPortfolioSchema } from "../domain/portfolio-schema.ts";
import { trainingRowsFromCsv } from "../forms/training-csv.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";
import { lockPortfolio } from "./guards/lock-portfolio.ts";

/** The largest file an import reads; the server refuses a bigger body before reading it. */
export const maxImportBytes = 5 * 1024 * 1024;

type List =
  "education" | "licences" | "credentials" | "work" | "training" | "reflectiveSupervision" | "reading" | "video" | "references" | "documents" | "memberships";

const schemas: Record<
  List,
  { safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }
> = {
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

type Incoming = Array<{ list: List; where: string; entry: unknown }>;

/**
 * Imports a file into the person's portfolio: a portable portfolio (`json`, docs/portfolio-format.md)
 * or a training provider's CSV history (`csv`). Each valid entry is added, an identical one is
 * skipped, a bad one is reported and left out; a file that adds nothing changes nothing.
 */
export const importPortfolioFile = defineCommand({
  name: "portfolio.imported",
  actors: ["person"],
  // The file as uploaded: a CSV may be UTF-16 or carry Excel's sep= line, which the CSV reader sorts out.
  input: z.object({ kind: z.enum(["json", "csv"]), file: z.union([z.string(), z.instanceof(Uint8Array)]) }),
  async run({ tx, actor, input, now }) {
    const read =
      input.kind === "csv" ? trainingEntries(input.file) : portfolioEntries(typeof input.file === "string" ? input.file : new TextDecoder().decode(input.file));
    if ("rejected" in read) return unchanged<ImportReport>({ added: [], skipped: [], rejected: [read.rejected] });
    const portfolio = await lockPortfolio(tx, actor.userId);
    const { report, next } = merge(portfolio, read.incoming);
    if (report.added.length === 0) return unchanged(report);
    await writePortfolio(tx, actor.userId, uniqueIdsPortfolioSchema.parse({ ...portfolio, ...next }), now);
    const details = { kind: input.kind, added: report.added.length, skipped: report.skipped.length, rejected: report.rejected.length };
    return done({ type: "portfolio", id: actor.userId }, report, details);
  },
});

function portfolioEntries(text: string): { incoming: Incoming } | { rejected: ImportReport["rejected"][number] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { rejected: { where: "file", reason: `not valid JSON (${(error as Error).message})` } };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { rejected: { where: "file", reason: "not a portfolio" } };
  const incoming = (Object.keys(schemas) as List[]).flatMap((list) => {
    const entries = (data as Record<string, unknown>)[list];
    return Array.isArray(entries) ? (entries as unknown[]).map((entry, index) => ({ list, where: `${list}.${index}`, entry })) : [];
  });
  return { incoming };
}

function trainingEntries(text: string | Uint8Array): { incoming: Incoming } | { rejected: ImportReport["rejected"][number] } {
  try {
    return { incoming: trainingRowsFromCsv(text).map((row) => ({ list: "training" as const, where: `line ${row.line}`, entry: row.entry })) };
  } catch (error) {
    return { rejected: { where: "file", reason: (error as Error).message } };
  }
}

function merge(current: Portfolio, incoming: Incoming): { report: ImportReport; next: Record<string, unknown[]> } {
  const report: ImportReport = { added: [], skipped: [], rejected: [] };
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
  return { report, next };
}
