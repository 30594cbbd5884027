import { randomBytes } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import { z } from "zod";
import { writePortfolio } from "../data/portfolios.ts";
import { canonicalJson } from "../domain/fingerprint.ts";
import { entrySchemas, type Portfolio, uniqueIdsStoredPortfolioSchema } from "../domain/portfolio-schema.ts";
import { type ClearedOnImport, clearSetByOthers } from "../domain/set-by-others.ts";
import { decodeCsvBytes, trainingRowsFromCsv } from "../forms/training-csv.ts";
import { hasUnstorableCharacters, hasUnstorableCharactersDeep, maxEntriesPerList } from "../limits.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";
import { lockPortfolio } from "./guards/lock-portfolio.ts";

/** The largest file an import reads; the server refuses a bigger body before reading it. */
export const maxImportBytes = 5 * 1024 * 1024;

/** Entries checked between two turns of the event loop, so other requests are answered meanwhile. */
const entriesPerSlice = 500;

/** Raters of left-out references named in the report, so a file of hundreds does not make a page of names. */
const namedRaters = 10;

type List = "education" | "licences" | "credentials" | "work" | "training" | "reflectiveSupervision" | "reading" | "video" | "documents" | "memberships";

const schemas: Record<
  List,
  { safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }
> = {
  education: entrySchemas.education,
  licences: entrySchemas.licence,
  credentials: entrySchemas.credential,
  work: entrySchemas.work,
  training: entrySchemas.training,
  reflectiveSupervision: entrySchemas.rsc,
  reading: entrySchemas.activity,
  video: entrySchemas.activity,
  documents: entrySchemas.document,
  memberships: entrySchemas.membership,
};

export type ImportReport = {
  added: Array<{ list: string; id: string }>;
  skipped: Array<{ list: string; id: string }>;
  rejected: Array<{ where: string; reason: string }>;
  /** Lists that would hold more than `maxEntriesPerList` entries, and how many: then nothing is imported. */
  tooMany: Array<{ list: string; entries: number }>;
  /** What the file says that only the association, a rater, a supervisor or a provider sets (docs/portfolio-format.md). */
  notTaken: NotTaken;
};

export type NotTaken = {
  /** Exam results: recorded by the association, left out. */
  exams: number;
  /** References not already in the portfolio: a rating is the rater's answer to Cradle's request, so they are left out. */
  references: number;
  /** The first raters those references name, to ask again. */
  raters: string[];
  /** Degrees added without "official transcript received" (`ClearedOnImport`). */
  transcripts: number;
  /** Jobs, trainings and RS/C sessions added unconfirmed. */
  confirmations: number;
  /** RS/C sessions added with their provider no longer "accepted by the association". */
  vettedProviders: number;
};

type Incoming = Array<{ list: List; where: string; entry: unknown }>;
/** The references of a file, left out: their ids tell those already in the portfolio from the others. */
type FileReference = { id: unknown; raterName: unknown };
/** A checked entry without what others set, with its canonical JSON (keys sorted) to find an identical one in one look-up. */
type Checked = { list: List; value: Record<string, unknown>; canonical: string; cleared: ClearedOnImport[] };
type Read = {
  checked: Checked[];
  rejected: ImportReport["rejected"];
  tooMany: ImportReport["tooMany"];
  exams: number;
  references: FileReference[];
};

/**
 * Imports a file into the person's portfolio: a portable portfolio (`json`, docs/portfolio-format.md)
 * or a training provider's CSV history (`csv`). Each valid entry is added, an identical one is
 * skipped, a bad one is reported and left out; a file that adds nothing changes nothing, and one
 * that would take a list past `maxEntriesPerList` adds nothing and says which lists. What only
 * others set is never taken (`clearSetByOthers`; references and exams are left out), and the
 * report counts it: a confirmation or rating belongs to the account it was given to.
 */
export const importPortfolioFile = defineCommand({
  name: "portfolio.imported",
  actors: ["person"],
  // The file as uploaded: a CSV may be UTF-16 or carry Excel's sep= line, which the CSV reader sorts out.
  input: z.object({ kind: z.enum(["json", "csv"]), file: z.union([z.string(), z.instanceof(Uint8Array)]) }),
  // Reading and checking up to 5 MB needs no lock: done before the transaction (which would hold the
  // one connection of the embedded database), in one pass, a slice of entries per turn of the event loop.
  async prepare(input): Promise<Read> {
    const read =
      input.kind === "csv" ? trainingEntries(input.file) : portfolioEntries(typeof input.file === "string" ? input.file : new TextDecoder().decode(input.file));
    if ("rejected" in read) return { checked: [], rejected: [read.rejected], tooMany: [], exams: 0, references: [] };
    const { exams, references } = read;
    const tooMany = listsOverLimit(read.incoming.map(({ list }) => list));
    if (tooMany.length > 0) return { checked: [], rejected: [], tooMany, exams, references };
    return { ...(await checkEntries(read.incoming)), exams, references };
  },
  async run({ tx, actor, input, now, prepared }) {
    if (prepared.tooMany.length > 0) return unchanged(nothingAdded(prepared.tooMany));
    const portfolio = await lockPortfolio(tx, actor.userId);
    const { report, next } = merge(portfolio, prepared);
    if (report.tooMany.length > 0) return unchanged(nothingAdded(report.tooMany));
    if (report.added.length === 0) return unchanged(report);
    await writePortfolio(tx, actor.userId, uniqueIdsStoredPortfolioSchema.parse({ ...portfolio, ...next }), now);
    const counts = { kind: input.kind, added: report.added.length, skipped: report.skipped.length, rejected: report.rejected.length };
    // The counts of what was not taken, for "who imported what"; the raters' names stay on the page.
    const { exams, references, transcripts, confirmations, vettedProviders } = report.notTaken;
    const notTaken = { exams, references, transcripts, confirmations, vettedProviders };
    const details = Object.values(notTaken).some((count) => count > 0) ? { ...counts, notTaken } : counts;
    return done({ type: "portfolio", id: actor.userId }, report, details);
  },
});

function nothingAdded(tooMany: ImportReport["tooMany"]): ImportReport {
  return {
    added: [],
    skipped: [],
    rejected: [],
    tooMany,
    notTaken: { exams: 0, references: 0, raters: [], transcripts: 0, confirmations: 0, vettedProviders: 0 },
  };
}

type FromFile = { incoming: Incoming; exams: number; references: FileReference[] };

function portfolioEntries(text: string): FromFile | { rejected: ImportReport["rejected"][number] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { rejected: { where: "file", reason: `not valid JSON (${(error as Error).message})` } };
  }
  // PostgreSQL keeps neither a NUL (`\u0000`) nor a lone surrogate (`\ud800`) in jsonb.
  if (hasUnstorableCharactersDeep(data)) refuse({ file: "limit.importUnstorableCharacters" });
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { rejected: { where: "file", reason: "not a portfolio" } };
  const incoming = (Object.keys(schemas) as List[]).flatMap((list) => {
    const entries = (data as Record<string, unknown>)[list];
    return Array.isArray(entries) ? (entries as unknown[]).map((entry, index) => ({ list, where: `${list}.${index}`, entry })) : [];
  });
  const { exams, references } = data as Record<string, unknown>;
  return {
    incoming,
    exams: Array.isArray(exams) ? exams.length : 0,
    references: Array.isArray(references) ? (references as unknown[]).map(fileReference) : [],
  };
}

function fileReference(reference: unknown): FileReference {
  const { id, raterName } = typeof reference === "object" && reference !== null ? (reference as Record<string, unknown>) : {};
  return { id, raterName };
}

function trainingEntries(file: string | Uint8Array): FromFile | { rejected: ImportReport["rejected"][number] } {
  const text = typeof file === "string" ? file : decodeCsvBytes(file);
  if (hasUnstorableCharacters(text)) refuse({ file: "limit.importUnstorableCharacters" });
  try {
    return {
      incoming: trainingRowsFromCsv(text).map((row) => ({ list: "training" as const, where: `line ${row.line}`, entry: row.entry })),
      exams: 0,
      references: [],
    };
  } catch (error) {
    return { rejected: { where: "file", reason: (error as Error).message } };
  }
}

function listsOverLimit(lists: Iterable<string>): ImportReport["tooMany"] {
  const counts = new Map<string, number>();
  for (const list of lists) counts.set(list, (counts.get(list) ?? 0) + 1);
  return [...counts].filter(([, entries]) => entries > maxEntriesPerList).map(([list, entries]) => ({ list, entries }));
}

async function checkEntries(incoming: Incoming): Promise<Read> {
  const read: Read = { checked: [], rejected: [], tooMany: [], exams: 0, references: [] };
  for (let start = 0; start < incoming.length; start += entriesPerSlice) {
    if (start > 0) await nextTurn();
    for (const { list, where, entry } of incoming.slice(start, start + entriesPerSlice)) {
      const raw = { ...(entry as Record<string, unknown>) };
      if (list !== "credentials" && typeof raw.id !== "string") raw.id = `${list}-${randomBytes(5).toString("hex")}`;
      const parsed = schemas[list].safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error!.issues[0]!;
        read.rejected.push({ where: `${where}${issue.path.length ? `.${issue.path.join(".")}` : ""}`, reason: issue.message });
        continue;
      }
      const { entry: value, cleared } = clearSetByOthers(list, parsed.data as Record<string, unknown>);
      read.checked.push({ list, value, canonical: canonicalJson(value), cleared });
    }
  }
  return read;
}

/**
 * Adds what is not there yet: one set of canonical forms per list, so each entry is one look-up, not
 * a comparison with every other. An entry is compared without what others set, so one's own export
 * finds its entries already there (keeping the confirmations given in this account) instead of adding
 * them again unconfirmed.
 */
function merge(current: Portfolio, read: Read): { report: ImportReport; next: Record<string, unknown[]> } {
  const references = sortReferences(current, read.references);
  const report: ImportReport = {
    added: [],
    skipped: references.alreadyThere,
    rejected: read.rejected,
    tooMany: [],
    notTaken: leftOut(read, references.leftOut),
  };
  const next: Record<string, unknown[]> = Object.fromEntries(Object.keys(schemas).map((list) => [list, [...(current[list as List] as unknown[])]]));
  const known = new Map(
    Object.entries(next).map(([list, entries]) => [
      list,
      new Set(entries.map((entry) => canonicalJson(clearSetByOthers(list, entry as Record<string, unknown>).entry))),
    ]),
  );
  const ids = new Set(Object.values(next).flatMap((entries) => entries.map((entry) => (entry as { id?: string }).id)));
  for (const { list, value, canonical, cleared } of read.checked) {
    const nameOf = () => (typeof value.id === "string" ? value.id : `${String(value.framework)}/${String(value.category)}`);
    if (known.get(list)!.has(canonical)) {
      report.skipped.push({ list, id: nameOf() });
      continue;
    }
    known.get(list)!.add(canonical);
    if (typeof value.id === "string" && ids.has(value.id)) value.id = `${value.id}-${randomBytes(3).toString("hex")}`;
    ids.add(value.id as string);
    next[list]!.push(value);
    report.added.push({ list, id: nameOf() });
    for (const what of cleared) report.notTaken[clearedCounts[what]]++;
  }
  report.tooMany = Object.entries(next)
    .filter(([list, entries]) => entries.length > maxEntriesPerList && entries.length > (current[list as List] as unknown[]).length)
    .map(([list, entries]) => ({ list, entries: entries.length }));
  return { report, next };
}

const clearedCounts = { transcript: "transcripts", confirmation: "confirmations", vettedProvider: "vettedProviders" } as const;

/** A reference of the file whose id is one of the portfolio's was asked for in this account (one's own export): it is already there. */
function sortReferences(current: Portfolio, references: FileReference[]) {
  const ids = new Set(current.references.map((reference) => reference.id));
  const isThere = (reference: FileReference) => typeof reference.id === "string" && ids.has(reference.id);
  return {
    alreadyThere: references.filter(isThere).map((reference) => ({ list: "references", id: reference.id as string })),
    leftOut: references.filter((reference) => !isThere(reference)),
  };
}

/** Exam results and the references left out, with the first raters they name (as the schema bounds a name). */
function leftOut(read: Read, references: FileReference[]): NotTaken {
  const names = references.map(({ raterName }) => (typeof raterName === "string" ? raterName.trim().slice(0, 200) : "")).filter(Boolean);
  return {
    exams: read.exams,
    references: references.length,
    raters: [...new Set(names)].slice(0, namedRaters),
    transcripts: 0,
    confirmations: 0,
    vettedProviders: 0,
  };
}
