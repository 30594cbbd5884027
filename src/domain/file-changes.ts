import { canonicalJson } from "./fingerprint.ts";

/** One version of a frozen file as compared: its entries per list (by id), and each requirement's verdict. */
export type ComparedFile<S extends string = string> = {
  lists: Readonly<Record<string, ReadonlyArray<Readonly<Record<string, unknown>> & { readonly id: string }>>>;
  verdicts: ReadonlyArray<{ readonly id: string; readonly status: S }>;
};

export type EntryChange = { change: "added" | "removed" | "changed"; list: string; id: string };
export type VerdictChange<S extends string = string> = { id: string; from: S | null; to: S | null };

/**
 * What changed from one version of a file to the next: per list, the entries added, removed and
 * changed (any field, compared as canonical JSON so key order does not count), in the order they
 * appear (removed ones where they were); and the requirements whose verdict changed (one the newer
 * report no longer has, or a new one, comes with null on the other side).
 */
export function fileChanges<S extends string>(before: ComparedFile<S>, after: ComparedFile<S>): { entries: EntryChange[]; verdicts: VerdictChange<S>[] } {
  const entries: EntryChange[] = [];
  const lists = [...new Set([...Object.keys(before.lists), ...Object.keys(after.lists)])];
  for (const list of lists) {
    const old = new Map((before.lists[list] ?? []).map((entry) => [entry.id, canonicalJson(entry)]));
    const now = new Map((after.lists[list] ?? []).map((entry) => [entry.id, canonicalJson(entry)]));
    for (const id of old.keys()) if (!now.has(id)) entries.push({ change: "removed", list, id });
    for (const [id, json] of now) {
      const was = old.get(id);
      if (was === undefined) entries.push({ change: "added", list, id });
      else if (was !== json) entries.push({ change: "changed", list, id });
    }
  }
  const oldVerdicts = new Map(before.verdicts.map((verdict) => [verdict.id, verdict.status]));
  const newVerdicts = new Map(after.verdicts.map((verdict) => [verdict.id, verdict.status]));
  const verdicts: VerdictChange<S>[] = [];
  for (const id of new Set([...oldVerdicts.keys(), ...newVerdicts.keys()])) {
    const from = oldVerdicts.get(id) ?? null;
    const to = newVerdicts.get(id) ?? null;
    if (from !== to) verdicts.push({ id, from, to });
  }
  return { entries, verdicts };
}
