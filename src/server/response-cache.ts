import type { PublicDataChange } from "../domain/public-data.ts";
import type { WholeAnswer } from "./write-whole-answer.ts";

type Entry = { shows: readonly PublicDataChange[]; answer: WholeAnswer };

/**
 * Public pages as last rendered, by language and address, each with the data it shows (decision 021).
 * A change drops the entries showing that data (a kind of data, or one credential's) and bumps the
 * generation: a page rendered while a change committed may hold the old data, so it is stored only
 * if no change came since it began. While notices from other processes may be missed (the LISTEN
 * connection is down), nothing is served from it or stored.
 */
export function createResponseCache(options: { isTrusted: boolean; maxEntries?: number }) {
  // Entries are bounded by the data (only 200 answers are kept), and still capped: the oldest goes first.
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();
  // The keys showing each piece of data: a credential's change finds its few pages without a look at every entry.
  const keysShowing = new Map<PublicDataChange, Set<string>>();
  let generation = 0;
  let isTrusted = options.isTrusted;

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    for (const shown of entry.shows) {
      const keys = keysShowing.get(shown)!;
      keys.delete(key);
      if (keys.size === 0) keysShowing.delete(shown);
    }
  };

  return {
    /** Taken before rendering, and given back to `store`. */
    generation: () => generation,
    get(key: string): WholeAnswer | undefined {
      return isTrusted ? entries.get(key)?.answer : undefined;
    },
    store(key: string, shows: readonly PublicDataChange[], renderedSince: number, answer: WholeAnswer) {
      if (!isTrusted || renderedSince !== generation) return;
      if (entries.size >= maxEntries && !entries.has(key)) drop(entries.keys().next().value!);
      drop(key);
      entries.set(key, { shows, answer });
      for (const shown of shows) keysShowing.set(shown, (keysShowing.get(shown) ?? new Set()).add(key));
    },
    invalidate(changed: readonly PublicDataChange[]) {
      generation += 1;
      for (const shown of changed) for (const key of [...(keysShowing.get(shown) ?? [])]) drop(key);
    },
    /** `false`: notices may be missed from now on; `true`: they arrive again, and what was kept before is not trusted. */
    trust(trusted: boolean) {
      generation += 1;
      entries.clear();
      keysShowing.clear();
      isTrusted = trusted;
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;
