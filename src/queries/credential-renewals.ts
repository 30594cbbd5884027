import { findAssociationById } from "../data/associations.ts";
import { findJudgedPortfolio } from "../data/hour-audits.ts";
import { findRenewalCycle } from "../data/renewal-cycles.ts";
import type { CredentialStatus } from "../data/schema.ts";
import { today } from "../domain/dates.ts";
import { evaluateRenewals, type RenewalReport } from "../domain/evaluate-renewal.ts";
import { withHoursEntered } from "../domain/hours-entered.ts";
import { type RenewalCycle, standingOn } from "../domain/renewal-cycle.ts";
import type { Reader } from "./reader.ts";

/** A credential as the renewal pages read it. */
export type HeldCredential = {
  id: string;
  user_id: string;
  association_id: string;
  framework_id: string;
  category_id: string;
  issued_on: string;
  renewal_due: string;
  status: CredentialStatus;
};

/**
 * For each of the person's active and lapsed credentials: where it stands in its association's
 * cycle today there, the fees, and the engine's renewal report for the period running to its due
 * date, each requirement's measures with the hours entered, as /progress shows them. The
 * categories a person holds in one association and framework, due together, are judged together
 * from the one portfolio: the same hours count in full for each.
 */
export async function nextRenewals(reader: Reader, userId: string, credentials: readonly HeldCredential[]) {
  const renewing = credentials.filter((credential) => credential.status === "active" || credential.status === "lapsed");
  if (renewing.length === 0) return new Map<string, never>();
  const portfolio = await findJudgedPortfolio(reader.db, userId);
  const associations = new Map<string, { cycle: RenewalCycle; today: string }>();
  for (const associationId of new Set(renewing.map((credential) => credential.association_id))) {
    const [cycle, association] = await Promise.all([findRenewalCycle(reader.db, associationId), findAssociationById(reader.db, associationId)]);
    associations.set(associationId, { cycle, today: today(association?.time_zone ?? "UTC", reader.now()) });
  }

  const reports = new Map<string, { report: RenewalReport; factor: number | null }>();
  const together = new Map<string, HeldCredential[]>();
  for (const credential of renewing) {
    const key = `${credential.association_id} ${credential.framework_id} ${credential.renewal_due}`;
    together.set(key, [...(together.get(key) ?? []), credential]);
  }
  for (const held of together.values()) {
    const framework = reader.frameworks.find((candidate) => candidate.id === held[0]!.framework_id);
    const judged = held.filter((credential) => framework?.categories.some((category) => category.id === credential.category_id && category.renewal));
    if (!framework || judged.length === 0) continue;
    const periodReports = evaluateRenewals(
      framework,
      portfolio,
      judged.map((credential) => ({ categoryId: credential.category_id, earned: credential.issued_on })),
      held[0]!.renewal_due,
    );
    periodReports.forEach((report, index) => reports.set(judged[index]!.id, { report, factor: framework.academicCourseHourFactor }));
  }

  return new Map(
    renewing.map((credential) => {
      const { cycle, today: day } = associations.get(credential.association_id)!;
      const standing = standingOn(cycle, credential.renewal_due, day);
      const judged = reports.get(credential.id);
      return [
        credential.id,
        {
          phase: standing.phase,
          dueDate: standing.dueDate,
          lateDate: standing.lateDate,
          removalDate: standing.removalDate,
          renewalFeeCents: cycle.renewalFeeCents,
          lateFeeCents: cycle.lateFeeCents,
          period: judged
            ? {
                start: judged.report.periodStart,
                end: judged.report.periodEnd,
                isExempt: judged.report.isExempt,
                status: judged.report.status,
                requirements: judged.report.requirements.map((requirement) => ({
                  id: requirement.id,
                  label: requirement.label,
                  status: requirement.status,
                  missing: requirement.missing,
                  ...withHoursEntered(requirement, portfolio, judged.factor),
                })),
              }
            : null,
        },
      ] as const;
    }),
  );
}

/** A credential's next renewal as My credentials shows it. */
export type NextRenewal = NonNullable<ReturnType<Awaited<ReturnType<typeof nextRenewals>>["get"]>>;
