import { z } from "zod";
import { renewalCycleProblems, type RenewalCycle } from "../domain/renewal-cycle.ts";

const whole = (error: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, error)
    .transform(Number);
const money = z
  .string()
  .trim()
  .regex(/^\d{1,6}([.,]\d{1,2})?$/, "renewalCycle.error.fee")
  .transform((value) => Math.round(Number(value.replace(",", ".")) * 100));

/** Where each of the cycle's problems shows: a date's problem next to its day. */
export const renewalCycleFieldOf = {
  due: "dueDay",
  late: "lateDay",
  renewalFeeCents: "renewalFee",
  lateFeeCents: "lateFee",
  removalDaysAfterLate: "removalDaysAfterLate",
  firstRenewalAfterMonths: "firstRenewalAfterMonths",
} as const;

/** The association's renewal cycle as staff type it: months and days, fees in the currency's units (25 or 25.50). */
export const renewalCycleForm = z
  .object({
    dueMonth: whole("renewalCycle.error.noSuchDay"),
    dueDay: whole("renewalCycle.error.noSuchDay"),
    lateMonth: whole("renewalCycle.error.noSuchDay"),
    lateDay: whole("renewalCycle.error.noSuchDay"),
    renewalFee: money,
    lateFee: money,
    removalDaysAfterLate: whole("renewalCycle.error.removalDays"),
    firstRenewalAfterMonths: whole("renewalCycle.error.firstMonths"),
  })
  .transform((form): RenewalCycle => ({
    due: { month: form.dueMonth, day: form.dueDay },
    late: { month: form.lateMonth, day: form.lateDay },
    renewalFeeCents: form.renewalFee,
    lateFeeCents: form.lateFee,
    removalDaysAfterLate: form.removalDaysAfterLate,
    firstRenewalAfterMonths: form.firstRenewalAfterMonths,
  }))
  .superRefine((cycle, context) => {
    for (const [field, message] of Object.entries(renewalCycleProblems(cycle)))
      context.addIssue({ code: "custom", path: [renewalCycleFieldOf[field as keyof typeof renewalCycleFieldOf]], message });
  });
