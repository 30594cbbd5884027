import { toDay, toIso } from "./dates.ts";

/** The most sessions one series may add: every week for almost four years. */
export const maxSeriesSessions = 200;

/**
 * The dates of a series of sessions: the first date, then every `everyWeeks` weeks (on the same
 * weekday) up to and including the last date. Empty when the last comes before the first.
 */
export function seriesDates(first: string, last: string, everyWeeks: number): string[] {
  const dates: string[] = [];
  const end = toDay(last);
  for (let day = toDay(first); day <= end && dates.length <= maxSeriesSessions; day += everyWeeks * 7) dates.push(toIso(day));
  return dates;
}
