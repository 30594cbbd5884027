/** Calendar dates as whole days since 1970-01-01 (UTC): comparisons and spans without time zones. */
export type Day = number;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = isoDate.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// The same few thousand dates are read again and again (a provider's endorsement, for every session).
const parsedDays = new Map<string, Day>();

export function toDay(iso: string): Day {
  const known = parsedDays.get(iso);
  if (known !== undefined) return known;
  const match = isoDate.exec(iso);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${iso}`);
  const day = Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000);
  if (parsedDays.size > 50_000) parsedDays.clear();
  parsedDays.set(iso, day);
  return day;
}

export function toIso(day: Day): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The same calendar day `months` later (or earlier when negative), clamped to the month's end. */
export function addMonths(day: Day, months: number): Day {
  const date = new Date(day * 86_400_000);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return Math.floor(target.getTime() / 86_400_000);
}

/** Whole months from `from` to `to` (to >= from), as a person counts them. */
export function monthsBetween(from: Day, to: Day): number {
  const a = new Date(from * 86_400_000);
  const b = new Date(to * 86_400_000);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months -= 1;
  return months;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day it is at `now` in a time zone (an IANA name such as "America/Los_Angeles"):
 * what a person there would write as today's date. At 8 pm in California it is already tomorrow in UTC.
 */
export function today(zone: string, now: Date): string {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(zone, format);
  }
  return format.format(now);
}
