import type { Db } from "./database.ts";
import { defaultRenewalCycle, type RenewalCycle } from "../domain/renewal-cycle.ts";

/** The association's renewal cycle: the one its staff set, else Cradle's default. */
export async function findRenewalCycle(db: Db, associationId: string): Promise<RenewalCycle & { isDefault: boolean }> {
  const row = await db.selectFrom("renewal_cycles").selectAll().where("association_id", "=", associationId).executeTakeFirst();
  if (!row) return { ...defaultRenewalCycle, isDefault: true };
  return {
    due: { month: row.due_month, day: row.due_day },
    late: { month: row.late_month, day: row.late_day },
    renewalFeeCents: row.renewal_fee_cents,
    lateFeeCents: row.late_fee_cents,
    removalDaysAfterLate: row.removal_days_after_late,
    firstRenewalAfterMonths: row.first_renewal_after_months,
    isDefault: false,
  };
}

export async function saveRenewalCycle(db: Db, associationId: string, cycle: RenewalCycle, now: Date) {
  const columns = {
    due_month: cycle.due.month,
    due_day: cycle.due.day,
    late_month: cycle.late.month,
    late_day: cycle.late.day,
    renewal_fee_cents: cycle.renewalFeeCents,
    late_fee_cents: cycle.lateFeeCents,
    removal_days_after_late: cycle.removalDaysAfterLate,
    first_renewal_after_months: cycle.firstRenewalAfterMonths,
    updated_at: now,
  };
  await db
    .insertInto("renewal_cycles")
    .values({ association_id: associationId, ...columns })
    .onConflict((conflict) => conflict.column("association_id").doUpdateSet(columns))
    .execute();
}
