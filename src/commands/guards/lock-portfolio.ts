import type { Db } from "../../data/database.ts";
import { findPortfolioForUpdate } from "../../data/portfolios.ts";
import type { Portfolio } from "../../domain/portfolio-schema.ts";
import { findSection, type SectionSpec } from "../../forms/portfolio-sections.ts";
import { maxEntriesPerList } from "../../limits.ts";
import { refuse } from "../define-command.ts";

type Entry = Record<string, unknown> & { id: string };

/** A section of the editor by its id; an unknown one is "not found". */
export function assertSection(sectionId: string): SectionSpec {
  return findSection(sectionId) ?? refuse({ form: "portfolio.notFound" });
}

/** The person's portfolio, its row locked until the commit, so a concurrent save waits instead of being lost. */
export function lockPortfolio(tx: Db, userId: string): Promise<Portfolio> {
  return findPortfolioForUpdate(tx, userId);
}

/** The entries of a section, and the index of one of them: an entry that is not there is "not found". */
export function assertEntry(portfolio: Portfolio, section: SectionSpec, entryId: string): { list: Entry[]; index: number } {
  const list = portfolio[section.list] as Entry[];
  const index = list.findIndex((entry) => entry.id === entryId);
  if (index === -1) refuse({ form: "portfolio.notFound" });
  return { list, index };
}

/** Before a list grows by one: a list already at `maxEntriesPerList` refuses another entry. */
export function assertRoomIn(list: readonly unknown[]): void {
  if (list.length >= maxEntriesPerList) refuse({ form: "limit.listFull" });
}
