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

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian, months 1-12; a day past the month's end runs on into the next). */
function dayOfCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** The calendar date of a day, packed as year * 10000 + month * 100 + day (no array: the engine calls this in its loops). */
function civilOfDay(day: Day): number {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10_000 + month * 100 + (dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1);
}

const yearOf = (civil: number) => Math.floor(civil / 10_000);
const monthOf = (civil: number) => Math.floor(civil / 100) % 100;
const dateOf = (civil: number) => civil % 100;

const zero = 48;
const digit = (text: string, at: number) => {
  const value = text.charCodeAt(at) - zero;
  return value >= 0 && value <= 9 ? value : Number.NaN;
};

/**
 * A YYYY-MM-DD date as a day number, by arithmetic: the engine reads a date for every entry of
 * every portfolio it judges, so this avoids both the regular expression and a `Date`.
 */
export function toDay(iso: string): Day {
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const month = digit(iso, 5) * 10 + digit(iso, 6);
  const day = digit(iso, 8) * 10 + digit(iso, 9);
  if (iso.length !== 10 || iso[4] !== "-" || iso[7] !== "-" || !(month >= 1 && month <= 12) || !(day >= 1 && day <= 31)) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${iso}`);
  }
  return dayOfCivil(year, month, day);
}

export function toIso(day: Day): string {
  const civil = civilOfDay(day);
  const [year, month, date] = [yearOf(civil), monthOf(civil), dateOf(civil)];
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

const daysInMonth = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

// addMonths answers the same few questions again and again (each session's window, for every rule
// with one): a small table of recent answers, indexed by a hash of the question, skips the calendar.
const recentSize = 4096;
const recentDays = new Float64Array(recentSize).fill(Number.NaN);
const recentMonths = new Float64Array(recentSize);
const recentAnswers = new Float64Array(recentSize);

/** The same calendar day `months` later (or earlier when negative), clamped to the month's end. */
export function addMonths(day: Day, months: number): Day {
  const slot = (day * 31 + months * 7919) & (recentSize - 1);
  if (recentDays[slot] === day && recentMonths[slot] === months) return recentAnswers[slot]!;
  const civil = civilOfDay(day);
  const date = dateOf(civil);
  const index = yearOf(civil) * 12 + monthOf(civil) - 1 + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const answer = dayOfCivil(targetYear, targetMonth, Math.min(date, daysInMonth(targetYear, targetMonth)));
  recentDays[slot] = day;
  recentMonths[slot] = months;
  recentAnswers[slot] = answer;
  return answer;
}

/** Whole months from `from` to `to` (to >= from), as a person counts them. */
export function monthsBetween(from: Day, to: Day): number {
  const first = civilOfDay(from);
  const last = civilOfDay(to);
  return (yearOf(last) - yearOf(first)) * 12 + (monthOf(last) - monthOf(first)) - (dateOf(last) < dateOf(first) ? 1 : 0);
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
