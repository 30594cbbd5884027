import { addMonths, toDay, toIso } from "./dates.ts";
import type { Portfolio } from "./portfolio-schema.ts";

/** The portfolio lists whose hours a person reports themselves, and which an audit asks evidence for. */
export const auditableLists = ["training", "reflectiveSupervision", "reading", "video"] as const;
export type AuditableList = (typeof auditableLists)[number];

export const determinations = ["accepted", "disallowed"] as const;
export type Determination = (typeof determinations)[number];

/** How many of `population` people a sample of `percent` per cent draws: rounded up, so a sample is never empty when anyone is due. */
export function sampleSize(population: number, percent: number): number {
  const share = Math.min(Math.max(percent, 0), 100);
  return Math.min(population, Math.max(0, Math.ceil((share * population) / 100)));
}

/**
 * A random sample of `percent` per cent of `population`, each drawn once (a partial Fisher–Yates
 * shuffle of a copy). `random` returns a number in [0, 1), as Math.random does; it is passed in so
 * tests can draw the same sample again.
 */
export function drawSample<T>(population: readonly T[], percent: number, random: () => number): T[] {
  const pool = [...population];
  const size = sampleSize(pool.length, percent);
  for (let index = 0; index < size; index++) {
    const pick = index + Math.min(pool.length - index - 1, Math.floor(random() * (pool.length - index)));
    [pool[index], pool[pick]] = [pool[pick]!, pool[index]!];
  }
  return pool.slice(0, size);
}

/** A renewal period is a year (the cycle is yearly): the day after the previous due date through this one. */
export function periodOf(periodDue: string): { start: string; end: string } {
  return { start: toIso(addMonths(toDay(periodDue), -12) + 1), end: periodDue };
}

export type AuditedEntry = { list: AuditableList; entry: Portfolio[AuditableList][number] };

/** The entries of the period ending on `periodDue` whose hours the person reported: what an audit asks evidence for. */
export function entriesOfPeriod(portfolio: Portfolio, periodDue: string): AuditedEntry[] {
  const { start, end } = periodOf(periodDue);
  return auditableLists.flatMap((list) =>
    (portfolio[list] as Array<AuditedEntry["entry"]>).filter((entry) => entry.date >= start && entry.date <= end).map((entry) => ({ list, entry })),
  );
}

type HourFields = { clockHours?: number; academicCourseHours?: number; hours?: number };
/** Where an entry keeps the hours it reports, as an audit shows them and an allowance counts them. */
export type HourField = "clockHours" | "hours" | "academicCourseHours";

/** Clock hours for training (else academic course hours), the hours of the others; null for an entry with none. */
export function reportedField(entry: HourFields): HourField | null {
  return entry.clockHours !== undefined
    ? "clockHours"
    : entry.hours !== undefined
      ? "hours"
      : entry.academicCourseHours !== undefined
        ? "academicCourseHours"
        : null;
}

/** The hours an entry reports, as an audit shows them. */
export function reportedHours(entry: HourFields): number {
  const field = reportedField(entry);
  return field === null ? 0 : (entry[field] ?? 0);
}

/** A disallowance in part: the hours that still count, in the field the audit saw them in. */
export type Allowance = { hours: number; field: HourField };

/**
 * What audits disallowed of each entry, by the entry's id: `null`, all its hours; an allowance, all
 * but those. Where several audits judged one entry, the smallest allowance holds.
 */
export type Disallowances = ReadonlyMap<string, Allowance | null>;

export function strictestAllowance(a: Allowance | null, b: Allowance | null): Allowance | null {
  return a === null || b === null ? null : a.hours <= b.hours ? a : b;
}

/**
 * The entry with only the hours allowed (all its hour fields cut in the same proportion), as it is
 * when it reports no more than that, or none of it (undefined) when it now reports its hours in
 * another field than the audit saw: changed in kind since, its hours cannot be weighed against the allowance.
 */
function cutTo<Entry extends HourFields>(entry: Entry, allowance: Allowance): Entry | undefined {
  if (reportedField(entry) !== allowance.field) return undefined;
  const reported = reportedHours(entry);
  if (reported <= allowance.hours) return entry;
  const share = allowance.hours / reported;
  const cut = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * share * 100) / 100);
  return {
    ...entry,
    ...("clockHours" in entry ? { clockHours: cut(entry.clockHours) } : {}),
    ...("academicCourseHours" in entry ? { academicCourseHours: cut(entry.academicCourseHours) } : {}),
    ...("hours" in entry ? { hours: cut(entry.hours) } : {}),
  };
}

/**
 * The portfolio the engine judges: the person's own document without the hours an audit disallowed
 * (an entry disallowed whole is left out; one disallowed in part keeps only the hours allowed).
 * The determination is staff's, kept in its own table; no form or import of the person can undo it.
 * With nothing disallowed the same object comes back, so the engine's memo of a shared portfolio still applies.
 */
export function withoutDisallowed(portfolio: Portfolio, disallowed: Disallowances): Portfolio {
  if (disallowed.size === 0) return portfolio;
  const judged = Object.fromEntries(
    auditableLists.map((list) => [
      list,
      (portfolio[list] as Array<AuditedEntry["entry"]>).flatMap((entry) => {
        if (!disallowed.has(entry.id)) return [entry];
        const allowance = disallowed.get(entry.id);
        const kept = allowance ? cutTo(entry, allowance) : undefined;
        return kept ? [kept] : [];
      }),
    ]),
  ) as Pick<Portfolio, AuditableList>;
  return Object.freeze({ ...portfolio, ...judged });
}
