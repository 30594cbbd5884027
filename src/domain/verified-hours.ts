import { confirmerKey } from "./confirmable-entries.ts";
import type { Portfolio } from "./portfolio-schema.ts";
import { round } from "./report.ts";

type ServiceRole = Portfolio["reviewerHours"][number]["role"];
export type VerifiedHoursKind = "rsc-received" | "rsc-provided" | ServiceRole;

/** Hours of one kind that one person or body other than the holder confirmed, and the days they span. */
export type VerifiedHours = { kind: VerifiedHoursKind; verifier: string; hours: number; entries: number; from: string; to: string };

type Confirmed = { kind: VerifiedHoursKind; verifier: string; hours: number; date: string };

/**
 * The hours in a portfolio that someone other than its owner confirmed, grouped by kind and by
 * who confirmed them (the evidence rule: what the person only typed is left out):
 * - RS/C sessions their provider confirmed through their link (`verified`, set only by that answer),
 *   named as the entry names the provider, however its case and accents were typed;
 * - service the association recorded when the work was submitted (a review, an exam rating, an
 *   advisory review): only the entries in `service.entryIds`, the association named as verifier.
 * Work confirmations confirm a job and its dates, not hours: they are not here.
 */
export function verifiedHours(portfolio: Portfolio, service: { entryIds: ReadonlySet<string>; verifier: string }): VerifiedHours[] {
  const confirmed: Confirmed[] = [
    ...portfolio.reflectiveSupervision
      .filter((entry) => entry.verified && confirmerKey(entry.provider?.name ?? "") !== "")
      .map((entry) => ({ kind: `rsc-${entry.direction}` as const, verifier: entry.provider!.name!.trim(), hours: entry.hours, date: entry.date })),
    ...portfolio.reviewerHours
      .filter((entry) => service.entryIds.has(entry.id))
      .map((entry) => ({ kind: entry.role, verifier: service.verifier, hours: entry.hours, date: entry.date })),
  ];
  const groups = new Map<string, VerifiedHours>();
  for (const entry of confirmed) {
    const key = `${entry.kind} ${confirmerKey(entry.verifier)}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { kind: entry.kind, verifier: entry.verifier, hours: entry.hours, entries: 1, from: entry.date, to: entry.date });
      continue;
    }
    group.hours += entry.hours;
    group.entries += 1;
    if (entry.date < group.from) group.from = entry.date;
    if (entry.date > group.to) group.to = entry.date;
  }
  return [...groups.values()]
    .filter((group) => group.hours > 0)
    .map((group) => ({ ...group, hours: round(group.hours) }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || confirmerKey(a.verifier).localeCompare(confirmerKey(b.verifier)));
}
