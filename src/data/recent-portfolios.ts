import type { Portfolio } from "../domain/portfolio-schema.ts";

/**
 * The portfolios this process read last, each with the version it was read at. A version is
 * bumped by every write (`writePortfolio`), in any process, so a cached copy is used only when
 * the database still holds that version: the read asks for the document only if it changed.
 * Cached portfolios are frozen: every page shares them, and none may change another's copy.
 */
export class RecentPortfolios {
  private readonly entries = new Map<string, { version: number; portfolio: Portfolio }>();
  private readonly capacity: number;
  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get(userId: string) {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    // Map keeps insertion order: taking and putting back makes it the most recent.
    this.entries.delete(userId);
    this.entries.set(userId, entry);
    return entry;
  }

  set(userId: string, version: number, portfolio: Portfolio): Portfolio {
    const frozen = deepFreeze(portfolio);
    this.entries.delete(userId);
    this.entries.set(userId, { version, portfolio: frozen });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return frozen;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
