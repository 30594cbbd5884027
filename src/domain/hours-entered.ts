import type { Portfolio } from "./portfolio-schema.ts";
import { type Measure, type RequirementReport, round } from "./report.ts";

/**
 * Hours entered: what the portfolio lists, as the person typed it. Beside the hours that counted,
 * they show what the rules left out; every entry left out says why in the portfolio, so entered
 * includes entries dated after the date, listed twice, outside the window or on another topic:
 * hiding them would hide the very mistakes (a wrong year, a training typed twice) worth fixing.
 */

type HourRequirement = Pick<RequirementReport, "kind" | "measures" | "counted" | "excluded"> & { options?: HourRequirement[] };

const hourKinds: ReadonlySet<RequirementReport["kind"]> = new Set(["training", "rsc-received", "rsc-provided", "activity"]);

/** A training's hours in clock hours: academic course hours converted by the framework's factor (none without one). */
function clockHoursOf(entry: Portfolio["training"][number], factor: number | null): number {
  if (entry.clockHours !== undefined) return entry.clockHours;
  return factor === null ? 0 : entry.academicCourseHours! * factor;
}

function hoursById(portfolio: Portfolio, factor: number | null): Map<string, number> {
  return new Map([
    ...portfolio.training.map((entry) => [entry.id, clockHoursOf(entry, factor)] as const),
    ...[...portfolio.reflectiveSupervision, ...portfolio.reading, ...portfolio.video].map((entry) => [entry.id, entry.hours] as const),
  ]);
}

/** The requirement whose numbers are shown: itself, or the option an any-of shows (whose measures it took). */
function shownRequirement(report: HourRequirement): HourRequirement | undefined {
  return report.kind === "any-of" ? report.options?.find((option) => option.measures === report.measures) : report;
}

/**
 * The hours entered that an hour-based requirement (training, RS/C received or provided, reading,
 * video) looked at: every entry its report lists, counted or not, once. Null for other requirements.
 */
export function hoursEntered(report: HourRequirement, portfolio: Portfolio, factor: number | null): number | null {
  const shown = shownRequirement(report);
  if (!shown || !hourKinds.has(shown.kind)) return null;
  const hours = hoursById(portfolio, factor);
  const listed = new Set([...shown.counted, ...shown.excluded].map((item) => item.entryId));
  let sum = 0;
  for (const id of listed) sum += hours.get(id) ?? 0;
  return round(sum);
}

export type MeasureWithEntered = Measure & { entered?: number };
/** Training split over several buckets: all its hours entered, counted (each once) and needed (null when a bucket's figure is unset). */
export type HoursTotal = { entered: number; have: number; need: number | null };

/**
 * Where the hours entered show: beside a requirement's first measure of hours (its hours, before
 * "of which about the RS/C you provide"), or, for training split over several buckets, on a total
 * line of their own, since no one bucket owns them.
 */
export function withHoursEntered(
  report: HourRequirement,
  portfolio: Portfolio,
  factor: number | null,
): { measures: MeasureWithEntered[]; total: HoursTotal | null } {
  const entered = hoursEntered(report, portfolio, factor);
  const first = report.measures.findIndex((measure) => measure.unit === "hours");
  if (entered === null || first === -1) return { measures: report.measures, total: null };
  if (shownRequirement(report)!.kind === "training" && report.measures.length > 1) {
    const needs = report.measures.map((measure) => measure.need);
    const need = needs.includes(null) ? null : round(needs.reduce<number>((sum, value) => sum + value!, 0));
    return { measures: report.measures, total: { entered, have: round(report.measures.reduce((sum, measure) => sum + measure.have, 0)), need } };
  }
  return { measures: report.measures.map((measure, index) => (index === first ? { ...measure, entered } : measure)), total: null };
}

type Total = { entries: number; hours: number };

function totalOf(entries: ReadonlyArray<{ hours: number }>): Total {
  return { entries: entries.length, hours: round(entries.reduce((sum, entry) => sum + entry.hours, 0)) };
}

/**
 * The hours each section of the portfolio lists, as typed: training in clock hours, its academic
 * course hours apart (each framework converts them by its own factor); RS/C received and provided
 * apart, since categories ask for each.
 */
export function sectionTotals(portfolio: Portfolio) {
  const clock = portfolio.training.filter((entry) => entry.clockHours !== undefined);
  const academic = portfolio.training.filter((entry) => entry.clockHours === undefined);
  return {
    training: {
      entries: portfolio.training.length,
      hours: totalOf(clock.map((entry) => ({ hours: entry.clockHours! }))).hours,
      academicHours: totalOf(academic.map((entry) => ({ hours: entry.academicCourseHours ?? 0 }))).hours,
    },
    received: totalOf(portfolio.reflectiveSupervision.filter((entry) => entry.direction === "received")),
    provided: totalOf(portfolio.reflectiveSupervision.filter((entry) => entry.direction === "provided")),
    reading: totalOf(portfolio.reading),
    video: totalOf(portfolio.video),
  };
}
