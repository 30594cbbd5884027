import type { Portfolio } from "./portfolio-schema.ts";

/** The lists whose entries someone else can confirm: work (a supervisor) and RS/C sessions (the provider). */
export const confirmableLists = ["work", "reflectiveSupervision"] as const;
export type ConfirmableList = (typeof confirmableLists)[number];

export function findConfirmable(portfolio: Portfolio, entryId: string): { list: ConfirmableList; entry: Record<string, unknown> } | undefined {
  for (const list of confirmableLists) {
    const entry = (portfolio[list] as Array<Record<string, unknown>>).find((candidate) => candidate.id === entryId);
    if (entry) return { list, entry };
  }
  return undefined;
}
