import type { PublicData } from "../data/public-data-notices.ts";
import type { WholeAnswer } from "./write-whole-answer.ts";

type Entry = { shows: readonly PublicData[]; answer: WholeAnswer };

/**
 * Public pages as last rendered, by language and address, each with the data it shows (decision 021).
 * A change drops every entry showing that data and bumps the generation: a page rendered while a
 * change committed may hold the old data, so it is stored only if no change came since it began.
 * While notices from other processes may be missed (the LISTEN connection is down), nothing is
 * served from it or stored.
 */
export function createResponseCache(options: { isTrusted: boolean; maxEntries?: number }) {
  // Entries are bounded by the data (only 200 answers are kept), and still capped: the oldest goes first.
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();
  let generation = 0;
  let isTrusted = options.isTrusted;

  return {
    /** Taken before rendering, and given back to `store`. */
    generation: () => generation,
    get(key: string): WholeAnswer | undefined {
      return isTrusted ? entries.get(key)?.answer : undefined;
    },
    store(key: string, shows: readonly PublicData[], renderedSince: number, answer: WholeAnswer) {
      if (!isTrusted || renderedSince !== generation) return;
      if (entries.size >= maxEntries && !entries.has(key)) entries.delete(entries.keys().next().value!);
      entries.set(key, { shows, answer });
    },
    invalidate(changed: readonly PublicData[]) {
      generation += 1;
      for (const [key, entry] of entries) if (entry.shows.some((kind) => changed.includes(kind))) entries.delete(key);
    },
    /** `false`: notices may be missed from now on; `true`: they arrive again, and what was kept before is not trusted. */
    trust(trusted: boolean) {
      generation += 1;
      entries.clear();
      isTrusted = trusted;
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;
