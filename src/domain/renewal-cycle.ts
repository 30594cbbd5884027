import { addMonths, isIsoDate, toDay, toIso, type Day } from "./dates.ts";
import type { CredentialStatus } from "./staff-credential-actions.ts";

/** A day of the year, the same every year (29 February is refused: not every year has it). */
export type MonthDay = { month: number; day: number };

/**
 * An association's yearly renewal cycle. A credential's period runs to a due date; renewal is
 * accepted from the first reminder to the due date at the renewal fee, and after it up to the late
 * date with the late fee added; past the late date it waits for removal, `removalDaysAfterLate` days on.
 */
export type RenewalCycle = {
  due: MonthDay;
  late: MonthDay;
  renewalFeeCents: number;
  lateFeeCents: number;
  removalDaysAfterLate: number;
  /** The first due date comes at least this many months after the credential is issued (0: the first one after issue). */
  firstRenewalAfterMonths: number;
};

/**
 * SCIMHA's published cycle (shared/domain/endorsement-rules.md §2.3 and the fee table, sources S51, S53):
 * due 31 December, $25 renewal, "$50 total by 31 Jan" (so a $25 late fee), removed from the Registry
 * after 31 January, and the first renewal year exempt from the hours: the first renewal is the first
 * 31 December after endorsement, whose period holds the issue date, so `evaluateRenewal` exempts its hours.
 */
export const defaultRenewalCycle: RenewalCycle = {
  due: { month: 12, day: 31 },
  late: { month: 1, day: 31 },
  renewalFeeCents: 2500,
  lateFeeCents: 2500,
  removalDaysAfterLate: 1,
  firstRenewalAfterMonths: 0,
};

/** The grace between the due date and the late date, at most (a late date further on reads as a mistake). */
const maxGraceDays = 184;
const maxRemovalDaysAfterLate = 365;
const maxFirstRenewalAfterMonths = 24;
const maxFeeCents = 100_000_00;

const pad = (value: number) => String(value).padStart(2, "0");
const isoOn = (year: number, { month, day }: MonthDay) => `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** A day every year has: a real date in a year without 29 February. */
function isYearlyDay(value: MonthDay): boolean {
  return Number.isInteger(value.month) && Number.isInteger(value.day) && value.month >= 1 && value.month <= 12 && isIsoDate(isoOn(2001, value));
}

type CycleField = "due" | "late" | "renewalFeeCents" | "lateFeeCents" | "removalDaysAfterLate" | "firstRenewalAfterMonths";
type CycleProblem = `renewalCycle.error.${"noSuchDay" | "leapDay" | "lateAfterDue" | "fee" | "removalDays" | "firstMonths"}`;

/** What is wrong with a cycle, field by field, as catalogue keys (the form and the command both ask). */
export function renewalCycleProblems(cycle: RenewalCycle): Partial<Record<CycleField, CycleProblem>> {
  const problems: Partial<Record<CycleField, CycleProblem>> = {};
  if (!isYearlyDay(cycle.due)) problems.due = cycle.due.month === 2 && cycle.due.day === 29 ? "renewalCycle.error.leapDay" : "renewalCycle.error.noSuchDay";
  if (!isYearlyDay(cycle.late)) problems.late = cycle.late.month === 2 && cycle.late.day === 29 ? "renewalCycle.error.leapDay" : "renewalCycle.error.noSuchDay";
  else if (!problems.due && (sameDay(cycle.due, cycle.late) || graceDays(cycle) > maxGraceDays)) problems.late = "renewalCycle.error.lateAfterDue";
  for (const field of ["renewalFeeCents", "lateFeeCents"] as const)
    if (!Number.isInteger(cycle[field]) || cycle[field] < 0 || cycle[field] > maxFeeCents) problems[field] = "renewalCycle.error.fee";
  if (!Number.isInteger(cycle.removalDaysAfterLate) || cycle.removalDaysAfterLate < 1 || cycle.removalDaysAfterLate > maxRemovalDaysAfterLate)
    problems.removalDaysAfterLate = "renewalCycle.error.removalDays";
  if (!Number.isInteger(cycle.firstRenewalAfterMonths) || cycle.firstRenewalAfterMonths < 0 || cycle.firstRenewalAfterMonths > maxFirstRenewalAfterMonths)
    problems.firstRenewalAfterMonths = "renewalCycle.error.firstMonths";
  return problems;
}

const sameDay = (a: MonthDay, b: MonthDay) => a.month === b.month && a.day === b.day;
/** Days from a due date to its late date, in a year whose following February is short. */
const graceDays = (cycle: RenewalCycle) => toDay(lateDateAfter(cycle, isoOn(2001, cycle.due))) - toDay(isoOn(2001, cycle.due));

/** The cycle's due date in a calendar year. */
export function dueDateIn(cycle: RenewalCycle, year: number): string {
  return isoOn(year, cycle.due);
}

/** The due date after a renewal: the same day a year on. */
export function nextDueDate(cycle: RenewalCycle, due: string): string {
  return dueDateIn(cycle, yearOf(due) + 1);
}

/**
 * A new credential's first due date: the first due date on or after `firstRenewalAfterMonths` months
 * from issue and after the issue day itself. With 0 months (SCIMHA) that is the first one after issue,
 * and its period holds the issue date (first year exempt from hours); with 12, one endorsed in 2023 renews
 * first on 31 December 2024 (MI-AIMH, endorsement-rules.md §2.3, S52: "applied in 2023, hours first due by 31 Dec 2024").
 */
export function firstDueDate(cycle: RenewalCycle, issued: string): string {
  const earliest = Math.max(addMonths(toDay(issued), cycle.firstRenewalAfterMonths), toDay(issued) + 1);
  const earliestIso = toIso(earliest);
  const sameYear = dueDateIn(cycle, yearOf(earliestIso));
  return toDay(sameYear) >= earliest ? sameYear : dueDateIn(cycle, yearOf(earliestIso) + 1);
}

/** The last day renewal is taken with the late fee: the first late day after the due date. */
export function lateDateAfter(cycle: RenewalCycle, due: string): string {
  const sameYear = isoOn(yearOf(due), cycle.late);
  return sameYear > due ? sameYear : isoOn(yearOf(due) + 1, cycle.late);
}

/** The day a credential not renewed is removed from the registry. */
export function removalDateAfter(cycle: RenewalCycle, due: string): string {
  return toIso(toDay(lateDateAfter(cycle, due)) + cycle.removalDaysAfterLate);
}

/** Where a credential stands in its period, in time order. */
export const renewalPhases = ["active", "due-soon", "late", "lapsed", "removed"] as const;
export type RenewalPhase = (typeof renewalPhases)[number];

export const reminderKinds = ["due-in-60", "due-in-30", "due-in-7", "lapsed", "removal-soon"] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** Days before the due date of the reminders before it; the reminder before removal goes this many days ahead of it. */
const daysBeforeDue = { "due-in-60": 60, "due-in-30": 30, "due-in-7": 7 } as const;
const removalNoticeDays = 7;

export type RenewalStanding = {
  phase: RenewalPhase;
  /** What the credential's status is on the day: active until the due date has passed, lapsed after it, then removed. */
  credentialStatus: "active" | "lapsed" | "removed";
  /** Whether a renewal is taken on the day without a staff exception (from the first reminder to the late date). */
  mayRenew: boolean;
  lateFeeApplies: boolean;
  /** What a renewal on the day costs (renewal fee, plus the late fee after the due date). */
  feeCents: number;
  /** The latest of the 60/30/7-day reminders whose day has come (null outside the weeks before the due date). */
  reminder: Extract<ReminderKind, `due-in-${string}`> | null;
  dueDate: string;
  lateDate: string;
  removalDate: string;
};

/**
 * Where a credential whose period runs to `due` stands on `today` (YYYY-MM-DD days, today being the
 * association's own day: see `today` in dates.ts). Due soon from 60 days before the due date through it;
 * late (lapsed, renewable with the late fee) through the late date; lapsed until the removal date; removed from it.
 */
export function standingOn(cycle: RenewalCycle, due: string, today: string): RenewalStanding {
  const [dueDay, day] = [toDay(due), toDay(today)];
  const lateDate = lateDateAfter(cycle, due);
  const removalDate = removalDateAfter(cycle, due);
  const phase: RenewalPhase =
    day < dueDay - daysBeforeDue["due-in-60"]
      ? "active"
      : day <= dueDay
        ? "due-soon"
        : day <= toDay(lateDate)
          ? "late"
          : day < toDay(removalDate)
            ? "lapsed"
            : "removed";
  const reminder =
    phase !== "due-soon"
      ? null
      : day >= dueDay - daysBeforeDue["due-in-7"]
        ? "due-in-7"
        : day >= dueDay - daysBeforeDue["due-in-30"]
          ? "due-in-30"
          : "due-in-60";
  const lateFeeApplies = phase === "late";
  return {
    phase,
    credentialStatus: phase === "active" || phase === "due-soon" ? "active" : phase === "removed" ? "removed" : "lapsed",
    mayRenew: phase === "due-soon" || phase === "late",
    lateFeeApplies,
    feeCents: cycle.renewalFeeCents + (lateFeeApplies ? cycle.lateFeeCents : 0),
    reminder,
    dueDate: due,
    lateDate,
    removalDate,
  };
}

/** The first day each reminder of the period goes out, and the day after its last (once it is stale, it is skipped). */
export function reminderWindows(cycle: RenewalCycle, due: string): Record<ReminderKind, { from: string; until: string }> {
  const dueDay = toDay(due);
  const removal = toDay(removalDateAfter(cycle, due));
  const window = (from: Day, until: Day) => ({ from: toIso(from), until: toIso(until) });
  return {
    "due-in-60": window(dueDay - daysBeforeDue["due-in-60"], dueDay - daysBeforeDue["due-in-30"]),
    "due-in-30": window(dueDay - daysBeforeDue["due-in-30"], dueDay - daysBeforeDue["due-in-7"]),
    "due-in-7": window(dueDay - daysBeforeDue["due-in-7"], dueDay + 1),
    lapsed: window(dueDay + 1, removal),
    "removal-soon": window(Math.max(removal - removalNoticeDays, dueDay + 1), removal),
  };
}

/**
 * The reminders a daily job sends on `today` for a period running to `due`, given those it already sent
 * for this period: each kind once, inside its window, so running twice in a day (or after a restart)
 * sends nothing new, and a job that missed days sends only what is still current.
 */
export function remindersToSend(cycle: RenewalCycle, due: string, today: string, alreadySent: Iterable<ReminderKind>): ReminderKind[] {
  const sent = new Set(alreadySent);
  const windows = reminderWindows(cycle, due);
  return reminderKinds.filter((kind) => !sent.has(kind) && windows[kind].from <= today && today < windows[kind].until);
}

export type DailyRenewalWork = {
  /** The status to move the credential to today, or null: only forward (active → lapsed → removed), never back. */
  moveTo: "lapsed" | "removed" | null;
  reminders: ReminderKind[];
};

/**
 * What the daily job does today for one credential whose period runs to `due`: the status move the
 * cycle calls for, and the reminders not yet sent for this period. Run twice, or after a restart, it
 * asks for nothing more once the first run's move and reminders are recorded. A suspended, revoked,
 * removed or transferred credential gets neither (reinstatement and staff's actions move those).
 */
export function dailyRenewalWork(
  cycle: RenewalCycle,
  credential: { status: CredentialStatus; due: string },
  today: string,
  alreadySent: Iterable<ReminderKind>,
): DailyRenewalWork {
  const { status, due } = credential;
  if (status !== "active" && status !== "lapsed") return { moveTo: null, reminders: [] };
  const { credentialStatus } = standingOn(cycle, due, today);
  const moveTo = credentialStatus === "removed" ? "removed" : credentialStatus === "lapsed" && status === "active" ? "lapsed" : null;
  return { moveTo, reminders: moveTo === "removed" ? [] : remindersToSend(cycle, due, today, alreadySent) };
}
