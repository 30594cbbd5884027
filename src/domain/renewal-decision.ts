import { evaluateRenewal, type RenewalReport } from "./evaluate-renewal.ts";
import type { Category, Framework, Requirement } from "./framework-schema.ts";
import type { Portfolio } from "./portfolio-schema.ts";
import { preparePortfolio } from "./prepare-portfolio.ts";
import { evaluateRequirement, isInForce } from "./evaluate.ts";
import type { RequirementReport } from "./report.ts";
import { dueDateIn, firstDueDate, lateDateAfter, nextDueDate, type RenewalCycle, type RenewalStanding } from "./renewal-cycle.ts";
import { toDay } from "./dates.ts";
import type { CredentialStatus } from "./staff-credential-actions.ts";

export type RenewalRefusal = "renewal.alreadyRenewed" | "renewal.notOpenYet" | "renewal.pastLateDate" | "renewal.removed" | "renewal.notRenewable";

/**
 * Why a credential cannot be renewed on the day, or null: a removed one comes back by reinstatement, a suspended,
 * revoked or transferred one not at all; renewal opens with the first reminder and closes after the late date;
 * a period is renewed once (after it, the next period is not open yet: `renewedThisPeriod` tells which message).
 */
export function renewalRefusal(status: CredentialStatus, standing: Pick<RenewalStanding, "phase">, renewedThisPeriod: boolean): RenewalRefusal | null {
  if (status === "removed") return "renewal.removed";
  if (status !== "active" && status !== "lapsed") return "renewal.notRenewable";
  if (standing.phase === "active") return renewedThisPeriod ? "renewal.alreadyRenewed" : "renewal.notOpenYet";
  if (standing.phase === "lapsed" || standing.phase === "removed") return "renewal.pastLateDate";
  return null;
}

/** The requirements the holder signs on the renewal form itself, so the portfolio's record of them is not asked for. */
const signedOnTheForm = new Set(["renewal-ethics"]);
/** The requirements a staff exception lets through when short: the hours, not membership. */
const hoursRequirements = new Set(["renewal-training", "renewal-rsc"]);

export type RenewalShortfall = { hours: RequirementReport[]; other: RequirementReport[] };

/** What a renewal report still lacks, apart from what the form signs: the hours (which an exception excuses) and the rest. */
export function renewalShortfall(report: RenewalReport): RenewalShortfall {
  const unmet = report.requirements.filter((requirement) => requirement.status !== "met" && !signedOnTheForm.has(requirement.id));
  return {
    hours: unmet.filter((requirement) => hoursRequirements.has(requirement.id)),
    other: unmet.filter((requirement) => !hoursRequirements.has(requirement.id)),
  };
}

/** The requirements the renewal form shows the holder, without the code of ethics it asks them to sign. */
export const shownRenewalRequirements = (report: RenewalReport) => report.requirements.filter((requirement) => !signedOnTheForm.has(requirement.id));

/** The period staff look at on a day: the one whose renewals are still taken (through its late date), else the coming one. */
export function currentRenewalPeriod(cycle: RenewalCycle, today: string): string {
  let period = dueDateIn(cycle, Number(today.slice(0, 4)) - 1);
  while (lateDateAfter(cycle, period) < today) period = nextDueDate(cycle, period);
  return period;
}

/** A reinstated credential's due date: the first of the cycle after the day of reinstatement. */
export const reinstatedDueDate = (cycle: RenewalCycle, today: string) => firstDueDate({ ...cycle, firstRenewalAfterMonths: 0 }, today);

/** Reinstatement asks for this many ratings completed since the request (issue 20 item 7). */
export const reinstatementRatings = 3;

/**
 * The new ratings a reinstatement needs, judged as the category's application judges ratings (its
 * rating requirement in force on the day: who may rate, void ratings), over the ratings completed
 * on or after the request day only, counting `reinstatementRatings` of them. Every category with renewal rules asks for ratings.
 */
export function newRatingsReport(framework: Framework, category: Category, portfolio: Portfolio, requestedOn: string, today: string): RequirementReport {
  const day = toDay(today);
  const ratings = category.requirements.find(
    (requirement): requirement is Extract<Requirement, { kind: "references" }> =>
      requirement.kind === "references" && requirement.referenceKind === "rating" && isInForce(requirement, day),
  );
  if (!ratings) throw new RangeError(`${category.id} asks for no ratings`);
  const requirement = { ...ratings, count: reinstatementRatings, validMonths: undefined };
  const fresh = portfolio.references.filter((reference) => reference.completed !== undefined && reference.completed >= requestedOn);
  const prepared = preparePortfolio({ ...portfolio, references: fresh });
  return evaluateRequirement(requirement, { framework, prepared, asOf: day });
}

/** A credential's renewal report for its current period (to its due date), from the holder's portfolio as it is. */
export function renewalReportFor(
  frameworks: readonly Framework[],
  credential: { framework_id: string; category_id: string; issued_on: string; renewal_due: string },
  portfolio: Portfolio,
): { category: Category; report: RenewalReport } {
  const framework = frameworks.find((candidate) => candidate.id === credential.framework_id);
  const category = framework?.categories.find((candidate) => candidate.id === credential.category_id);
  if (!framework || !category) throw new RangeError(`no category ${credential.framework_id}/${credential.category_id}`);
  return { category, report: evaluateRenewal(framework, category, portfolio, { earned: credential.issued_on, periodEnd: credential.renewal_due }) };
}
