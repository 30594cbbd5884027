/**
 * The words frameworks filter on (knowledge domains, topics, endorsements) as small numbers, so
 * the summary path compares numbers instead of strings. Only compiling a framework adds words:
 * a portfolio's own words that no framework uses are never kept (a portfolio cannot grow it).
 * The vocabulary only grows; `size()` tells a compiled portfolio whether it was read with every
 * word a framework compiled after it knows.
 */
const domains = new Map<string, number>();
const topics = new Map<string, number>();
const credentials = new Map<string, Map<string, number>>();
let words = 0;

function intern(map: Map<string, number>, word: string): number {
  let index = map.get(word);
  if (index === undefined) {
    index = words++;
    map.set(word, index);
  }
  return index;
}

export const vocabulary = {
  size: () => words,
  internDomain: (word: string) => intern(domains, word),
  internTopic: (word: string) => intern(topics, word),
  internCredential(framework: string, category: string): number {
    let byCategory = credentials.get(framework);
    if (!byCategory) credentials.set(framework, (byCategory = new Map<string, number>()));
    return intern(byCategory, category);
  },
  /** -1 for a word no framework uses. */
  domain: (word: string) => domains.get(word) ?? -1,
  topic: (word: string) => topics.get(word) ?? -1,
  credential: (framework: string, category: string) => credentials.get(framework)?.get(category) ?? -1,
};

/** A set of words as a table indexed by word number: one look-up per test. */
export function wordSet(indexes: readonly number[]): Uint8Array {
  const set = new Uint8Array(Math.max(0, ...indexes) + 1);
  for (const index of indexes) set[index] = 1;
  return set;
}

export const inWordSet = (set: Uint8Array, index: number) => index >= 0 && set[index] === 1;
