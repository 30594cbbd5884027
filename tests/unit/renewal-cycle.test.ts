import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, toDay, toIso } from "../../src/domain/dates.ts";
import {
  dailyRenewalWork,
  defaultRenewalCycle,
  firstDueDate,
  lateDateAfter,
  nextDueDate,
  reminderKinds,
  remindersToSend,
  removalDateAfter,
  renewalCycleProblems,
  renewalPhases,
  standingOn,
  type ReminderKind,
  type RenewalCycle,
} from "../../src/domain/renewal-cycle.ts";

const scimha = defaultRenewalCycle;
/** MI-AIMH's reading: endorsed in 2023, first due 31 December 2024. */
const miAimh: RenewalCycle = { ...scimha, firstRenewalAfterMonths: 12, late: { month: 2, day: 15 } };
/** An association whose year turns mid-year, with a longer wait before removal. */
const midYear: RenewalCycle = { ...scimha, due: { month: 6, day: 30 }, late: { month: 7, day: 31 }, removalDaysAfterLate: 30 };

describe("the first due date", () => {
  it.each([
    [scimha, "2026-03-01", "2026-12-31"],
    [scimha, "2026-12-30", "2026-12-31"],
    [scimha, "2026-12-31", "2027-12-31"],
    [scimha, "2024-02-29", "2024-12-31"],
    [miAimh, "2023-01-01", "2024-12-31"],
    [miAimh, "2023-12-31", "2024-12-31"],
    [miAimh, "2024-02-29", "2025-12-31"],
    [midYear, "2026-06-30", "2027-06-30"],
    [midYear, "2026-07-01", "2027-06-30"],
    [{ ...midYear, firstRenewalAfterMonths: 12 }, "2024-02-29", "2025-06-30"],
    [{ ...midYear, firstRenewalAfterMonths: 12 }, "2024-07-01", "2026-06-30"],
  ])("%j issued %s: first due %s", (cycle, issued, due) => {
    expect(firstDueDate(cycle, issued)).toBe(due);
  });

  it("comes after the issue day and at least the cycle's months on, and never a year later than needed", () => {
    fc.assert(
      fc.property(fc.integer({ min: toDay("2000-01-01"), max: toDay("2100-01-01") }), fc.integer({ min: 0, max: 24 }), (issuedDay, months) => {
        const cycle = { ...scimha, firstRenewalAfterMonths: months };
        const issued = toIso(issuedDay);
        const due = firstDueDate(cycle, issued);
        const earliest = addMonths(toDay(issued), months);
        expect(due > issued && toDay(due) >= earliest).toBe(true);
        expect(due.slice(5)).toBe("12-31");
        const yearEarlier = `${Number(due.slice(0, 4)) - 1}-12-31`;
        expect(yearEarlier <= issued || toDay(yearEarlier) < earliest).toBe(true);
      }),
    );
  });
});

describe("late and removal dates", () => {
  it.each([
    [scimha, "2026-12-31", "2027-01-31", "2027-02-01"],
    [miAimh, "2027-12-31", "2028-02-15", "2028-02-16"],
    [midYear, "2027-06-30", "2027-07-31", "2027-08-30"],
    [{ ...scimha, due: { month: 1, day: 31 }, late: { month: 2, day: 28 } }, "2028-01-31", "2028-02-28", "2028-02-29"],
  ])("%j due %s: late %s, removed %s", (cycle, due, late, removal) => {
    expect(lateDateAfter(cycle, due)).toBe(late);
    expect(removalDateAfter(cycle, due)).toBe(removal);
  });

  it("a renewal moves the due date a year on", () => {
    expect(nextDueDate(scimha, "2026-12-31")).toBe("2027-12-31");
    expect(nextDueDate(midYear, "2027-06-30")).toBe("2028-06-30");
  });
});

describe("standing on a day (SCIMHA, due 31 December 2026)", () => {
  it.each([
    ["2026-03-01", "active", "active", null, false, 2500],
    ["2026-10-31", "active", "active", null, false, 2500],
    ["2026-11-01", "due-soon", "active", "due-in-60", true, 2500],
    ["2026-12-01", "due-soon", "active", "due-in-30", true, 2500],
    ["2026-12-23", "due-soon", "active", "due-in-30", true, 2500],
    ["2026-12-24", "due-soon", "active", "due-in-7", true, 2500],
    ["2026-12-31", "due-soon", "active", "due-in-7", true, 2500],
    ["2027-01-01", "late", "lapsed", null, true, 5000],
    ["2027-01-31", "late", "lapsed", null, true, 5000],
    ["2027-02-01", "removed", "removed", null, false, 2500],
    ["2030-01-01", "removed", "removed", null, false, 2500],
  ])("%s: %s, credential %s, reminder %s, may renew %s, fee %i", (today, phase, status, reminder, mayRenew, fee) => {
    const standing = standingOn(scimha, "2026-12-31", today);
    expect(standing.phase).toBe(phase);
    expect(standing.credentialStatus).toBe(status);
    expect(standing.reminder).toBe(reminder);
    expect(standing.mayRenew).toBe(mayRenew);
    expect(standing.feeCents).toBe(fee);
    expect(standing.lateFeeApplies).toBe(phase === "late");
  });

  it("is lapsed, not removed, between the late date and a later removal date", () => {
    expect(standingOn(midYear, "2027-06-30", "2027-08-01").phase).toBe("lapsed");
    expect(standingOn(midYear, "2027-06-30", "2027-08-29").phase).toBe("lapsed");
    expect(standingOn(midYear, "2027-06-30", "2027-08-30").phase).toBe("removed");
  });

  it("counts 60 days across a leap February", () => {
    expect(standingOn(scimha, "2028-02-28", "2027-12-29").phase).toBe("active");
    expect(standingOn(scimha, "2028-02-28", "2027-12-30").phase).toBe("due-soon");
  });
});

const anyCycle = fc
  .record({
    dueMonth: fc.integer({ min: 1, max: 12 }),
    dueDay: fc.integer({ min: 1, max: 28 }),
    grace: fc.integer({ min: 1, max: 120 }),
    removal: fc.integer({ min: 1, max: 60 }),
  })
  .map(({ dueMonth, dueDay, grace, removal }): RenewalCycle => {
    const lateIso = toIso(toDay(`2001-${String(dueMonth).padStart(2, "0")}-${String(dueDay).padStart(2, "0")}`) + grace);
    const late = { month: Number(lateIso.slice(5, 7)), day: Number(lateIso.slice(8)) };
    return {
      ...scimha,
      due: { month: dueMonth, day: dueDay },
      late: late.month === 2 && late.day === 29 ? { month: 3, day: 1 } : late,
      removalDaysAfterLate: removal,
    };
  });
const anyYear = fc.integer({ min: 1999, max: 2101 });

describe("properties over any valid cycle", () => {
  it("the generated cycles are valid", () => {
    fc.assert(fc.property(anyCycle, (cycle) => Object.keys(renewalCycleProblems(cycle)).length === 0));
  });

  it("standing only moves forward through a period", () => {
    fc.assert(
      fc.property(anyCycle, anyYear, fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 400 }), (cycle, year, offset, step) => {
        const due = `${year}-${String(cycle.due.month).padStart(2, "0")}-${String(cycle.due.day).padStart(2, "0")}`;
        const first = standingOn(cycle, due, toIso(toDay(due) + offset)).phase;
        const later = standingOn(cycle, due, toIso(toDay(due) + offset + step)).phase;
        expect(renewalPhases.indexOf(later)).toBeGreaterThanOrEqual(renewalPhases.indexOf(first));
      }),
    );
  });

  it("a job running every day sends each reminder exactly once, and again running twice a day sends nothing more", () => {
    fc.assert(
      fc.property(anyCycle, anyYear, fc.boolean(), (cycle, year, twice) => {
        const due = `${year}-${String(cycle.due.month).padStart(2, "0")}-${String(cycle.due.day).padStart(2, "0")}`;
        const sent: ReminderKind[] = [];
        for (let day = toDay(due) - 400; day <= toDay(due) + 400; day++)
          for (let run = 0; run < (twice ? 2 : 1); run++) sent.push(...remindersToSend(cycle, due, toIso(day), sent));
        expect([...sent].sort()).toEqual([...reminderKinds].sort());
      }),
    );
  });

  it("a job that skips days sends each reminder at most once, only while the credential is not removed, and none stale", () => {
    fc.assert(
      fc.property(anyCycle, anyYear, fc.array(fc.integer({ min: -100, max: 500 }), { maxLength: 40 }), (cycle, year, offsets) => {
        const due = `${year}-${String(cycle.due.month).padStart(2, "0")}-${String(cycle.due.day).padStart(2, "0")}`;
        const sent: ReminderKind[] = [];
        for (const offset of [...new Set(offsets)].sort((a, b) => a - b)) {
          const today = toIso(toDay(due) + offset);
          const now = remindersToSend(cycle, due, today, sent);
          const standing = standingOn(cycle, due, today);
          if (now.length > 0) expect(standing.phase === "due-soon" || standing.phase === "late" || standing.phase === "lapsed").toBe(true);
          for (const kind of now) if (kind.startsWith("due-in-")) expect(kind).toBe(standing.reminder);
          sent.push(...now);
        }
        expect(new Set(sent).size).toBe(sent.length);
      }),
    );
  });
});

describe("checking a cycle", () => {
  it.each([
    [{ due: { month: 2, day: 31 } }, "due", "renewalCycle.error.noSuchDay"],
    [{ due: { month: 4, day: 31 } }, "due", "renewalCycle.error.noSuchDay"],
    [{ due: { month: 13, day: 1 } }, "due", "renewalCycle.error.noSuchDay"],
    [{ due: { month: 2, day: 29 } }, "due", "renewalCycle.error.leapDay"],
    [{ late: { month: 2, day: 29 } }, "late", "renewalCycle.error.leapDay"],
    [{ late: { month: 12, day: 31 } }, "late", "renewalCycle.error.lateAfterDue"],
    [{ late: { month: 12, day: 30 } }, "late", "renewalCycle.error.lateAfterDue"],
    [{ late: { month: 7, day: 31 } }, "late", "renewalCycle.error.lateAfterDue"],
    [{ lateFeeCents: -1 }, "lateFeeCents", "renewalCycle.error.fee"],
    [{ renewalFeeCents: 1.5 }, "renewalFeeCents", "renewalCycle.error.fee"],
    [{ removalDaysAfterLate: 0 }, "removalDaysAfterLate", "renewalCycle.error.removalDays"],
    [{ firstRenewalAfterMonths: 25 }, "firstRenewalAfterMonths", "renewalCycle.error.firstMonths"],
  ])("%j is refused on %s", (change, field, key) => {
    expect(renewalCycleProblems({ ...scimha, ...change })).toEqual({ [field]: key });
  });

  it("takes SCIMHA's cycle, a free one, and a late date six months on", () => {
    expect(renewalCycleProblems(scimha)).toEqual({});
    expect(renewalCycleProblems({ ...scimha, renewalFeeCents: 0, lateFeeCents: 0 })).toEqual({});
    expect(renewalCycleProblems({ ...scimha, late: { month: 6, day: 30 } })).toEqual({});
  });
});

describe("the daily job's work for one credential (SCIMHA, due 31 December 2026)", () => {
  const due = "2026-12-31";
  it.each([
    ["active", "2026-11-01", [], null, ["due-in-60"]],
    ["active", "2026-11-01", ["due-in-60"], null, []],
    ["active", "2026-12-31", ["due-in-60", "due-in-30"], null, ["due-in-7"]],
    ["active", "2027-01-01", ["due-in-60", "due-in-30", "due-in-7"], "lapsed", ["lapsed"]],
    ["lapsed", "2027-01-01", ["due-in-60", "due-in-30", "due-in-7", "lapsed"], null, []],
    ["lapsed", "2027-01-25", ["lapsed"], null, ["removal-soon"]],
    ["active", "2027-01-25", [], "lapsed", ["lapsed", "removal-soon"]],
    ["lapsed", "2027-02-01", ["lapsed"], "removed", []],
    ["active", "2027-02-01", [], "removed", []],
    ["removed", "2027-03-01", [], null, []],
    ["suspended", "2027-01-10", [], null, []],
    ["revoked", "2026-12-01", [], null, []],
    ["transferred", "2027-02-01", [], null, []],
  ] as const)("%s on %s having sent %j: move to %s, send %j", (status, today, sent, moveTo, reminders) => {
    expect(dailyRenewalWork(scimha, { status, due }, today, sent)).toEqual({ moveTo, reminders });
  });

  it("run every day from a year before, applying its moves, moves each credential once to lapsed and once to removed, in that order", () => {
    fc.assert(
      fc.property(anyCycle, anyYear, fc.boolean(), (cycle, year, twice) => {
        const dueOf = `${year}-${String(cycle.due.month).padStart(2, "0")}-${String(cycle.due.day).padStart(2, "0")}`;
        let status: "active" | "lapsed" | "removed" = "active";
        const moves: string[] = [];
        const sent: ReminderKind[] = [];
        for (let day = toDay(dueOf) - 365; day <= toDay(dueOf) + 400; day++)
          for (let run = 0; run < (twice ? 2 : 1); run++) {
            const work = dailyRenewalWork(cycle, { status, due: dueOf }, toIso(day), sent);
            if (work.moveTo) {
              moves.push(work.moveTo);
              status = work.moveTo;
            }
            sent.push(...work.reminders);
          }
        expect(moves).toEqual(["lapsed", "removed"]);
        expect(new Set(sent).size).toBe(sent.length);
      }),
    );
  });
});
