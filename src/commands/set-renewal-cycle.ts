import { z } from "zod";
import { findRenewalCycle, saveRenewalCycle } from "../data/renewal-cycles.ts";
import { renewalCycleProblems } from "../domain/renewal-cycle.ts";
import { renewalCycleFieldOf } from "../forms/renewal-cycle-form.ts";
import { associationPolicy } from "../policies/association.ts";
import { defineCommand, done, refuse, unchanged } from "./define-command.ts";

const monthDay = z.object({ month: z.int(), day: z.int() });

/** Staff set their association's renewal cycle: due and late dates, fees, and when a lapsed credential is removed. */
export const setRenewalCycle = defineCommand({
  name: "renewal-cycle.set",
  actors: ["person"],
  input: z.object({
    associationId: z.uuid(),
    due: monthDay,
    late: monthDay,
    renewalFeeCents: z.int(),
    lateFeeCents: z.int(),
    removalDaysAfterLate: z.int(),
    firstRenewalAfterMonths: z.int(),
  }),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, input, now }) {
    const { associationId, ...cycle } = input;
    const problems = Object.entries(renewalCycleProblems(cycle));
    if (problems.length > 0) refuse(Object.fromEntries(problems.map(([field, key]) => [renewalCycleFieldOf[field as keyof typeof renewalCycleFieldOf], key])));
    const { isDefault, ...before } = await findRenewalCycle(tx, associationId);
    if (!isDefault && JSON.stringify(before) === JSON.stringify(cycle)) return unchanged(null);
    await saveRenewalCycle(tx, associationId, cycle, now);
    return done({ type: "association", id: associationId, associationId }, null, { from: isDefault ? null : before, to: cycle });
  },
});
