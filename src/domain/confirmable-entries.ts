import type { Portfolio } from "./portfolio-schema.ts";

/** The lists whose entries someone else can confirm: work (a supervisor) and RS/C sessions (the provider). */
export const confirmableLists = ["work", "reflectiveSupervision"] as const;
export type ConfirmableList = (typeof confirmableLists)[number];

type Entry = Record<string, unknown>;

export function findConfirmable(portfolio: Portfolio, entryId: string): { list: ConfirmableList; entry: Entry } | undefined {
  for (const list of confirmableLists) {
    const entry = (portfolio[list] as Entry[]).find((candidate) => candidate.id === entryId);
    if (entry) return { list, entry };
  }
  return undefined;
}

/** Who would confirm an entry, as typed on it: an RS/C session's provider, a job's supervisor. */
export function confirmerNameOf(list: ConfirmableList, entry: Entry): string {
  const name = list === "work" ? entry.supervisor : (entry.provider as Entry | undefined)?.name;
  return typeof name === "string" ? name : "";
}

/**
 * One provider however their name was typed on each entry: trimmed, spaces collapsed, case and
 * accents ignored ("Dr. Lee", " dr.  lee", "Díaz"/"Diaz"). Empty for an entry that names no one.
 */
export function confirmerKey(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/gu, " ").trim();
}

/** The entries not yet confirmed that name the same provider or supervisor as `key`, in each list's order. */
export function entriesAwaiting(portfolio: Portfolio, key: string): Array<{ list: ConfirmableList; entry: Entry }> {
  if (key === "") return [];
  return confirmableLists.flatMap((list) =>
    (portfolio[list] as Entry[])
      .filter((entry) => entry.verified !== true && confirmerKey(confirmerNameOf(list, entry)) === key)
      .map((entry) => ({ list, entry })),
  );
}

/** The portfolio with `verified` set on the given entries (only a provider's or supervisor's answer calls this). */
export function markConfirmed(portfolio: Portfolio, entryIds: ReadonlySet<string>): Portfolio {
  const next = { ...portfolio };
  for (const list of confirmableLists) {
    (next as Record<ConfirmableList, Entry[]>)[list] = (portfolio[list] as Entry[]).map((entry) =>
      entryIds.has(entry.id as string) ? { ...entry, verified: true } : entry,
    );
  }
  return next;
}
