import { addMonths, toDay, toIso } from "./dates.ts";
import type { Category, Framework, Requirement } from "./framework-schema.ts";
import type { Portfolio } from "./portfolio-schema.ts";
import { preparePortfolio } from "./prepare-portfolio.ts";
import { combineStatuses, type RequirementReport } from "./report.ts";
import { evaluateRequirement } from "./evaluate.ts";

export type RenewalReport = {
  category: { id: string; abbreviation: string };
  periodStart: string;
  periodEnd: string;
  /** The first period after earning the credential needs no training hours, where the rules say so. */
  isExempt: boolean;
  status: RequirementReport["status"];
  requirements: RequirementReport[];
};

const text = (en: string, es: string) => ({ en, es });

/**
 * What a credential holder must show for one renewal period ending on `periodEnd`: training
 * hours (with DEI, and RS/C topics for those who provide RS/C; reviewer and advisor work credited
 * up to the limit), RS/C received where the category requires it, the code of ethics, membership.
 */
export function evaluateRenewal(
  framework: Framework,
  category: Category,
  portfolio: Portfolio,
  credential: { earned: string; periodEnd: string },
): RenewalReport {
  const rules = category.renewal;
  if (!rules) throw new RangeError(`${category.id} has no renewal rules`);
  const end = toDay(credential.periodEnd);
  const start = addMonths(end, -rules.periodMonths) + 1;
  const earned = toDay(credential.earned);
  const isExempt = rules.firstPeriodExempt && earned >= start;
  const providesRsc = portfolio.attestations.providesRsc;

  const credit = creditedReviewerHours(portfolio, start, end, rules.reviewerCreditMaxHours ?? 0);
  const prepared = preparePortfolio({ ...portfolio, training: [...portfolio.training, ...credit] });
  const context = { framework, prepared, asOf: end };
  const base = { source: rules.source, stage: "application" as const };
  const requirements: Requirement[] = [];

  if (!isExempt && rules.trainingHours !== null && rules.trainingHours > 0) {
    const dei = rules.deiHours ?? 0;
    const rsc = providesRsc ? (rules.rscTopicHoursForProviders ?? 0) : 0;
    requirements.push({
      ...base,
      id: "renewal-training",
      kind: "training",
      label: text("Training this period", "Capacitación en este periodo"),
      withinMonths: rules.periodMonths,
      buckets: [
        ...(dei > 0
          ? [{ id: "dei", label: text("On diversity, equity and inclusion", "Sobre diversidad, equidad e inclusión"), hours: dei, topics: ["dei"] }]
          : []),
        ...(rsc > 0 ? [{ id: "rsc", label: text("On providing RS/C", "Sobre brindar SR/C"), hours: rsc, topics: ["rsc"] }] : []),
        {
          id: "other",
          label: text("Other relationship-based training", "Otra capacitación basada en relaciones"),
          hours: Math.max(rules.trainingHours - dei - rsc, 0),
        },
      ],
    });
  }
  const rscEnds = rules.rscReceivedEndsAfterYears;
  const rscStillRequired = rscEnds === undefined || start < addMonths(earned, rscEnds * 12);
  if ((rules.rscReceivedHours ?? 0) > 0 && rscStillRequired) {
    requirements.push({
      ...base,
      id: "renewal-rsc",
      kind: "rsc-received",
      label: text("RS/C received this period", "SR/C recibida en este periodo"),
      hours: rules.rscReceivedHours ?? 0,
      windowMonths: rules.periodMonths,
      onlyAboutProvided: false,
    });
  }
  requirements.push({
    ...base,
    id: "renewal-ethics",
    kind: "attestation",
    attestation: "code-of-ethics",
    label: text("Code of ethics signed again", "Código de ética firmado de nuevo"),
  });
  requirements.push({
    ...base,
    id: "renewal-membership",
    kind: "attestation",
    attestation: "membership",
    label: text("Current membership", "Membresía vigente"),
  });

  const reports = requirements.map((requirement) => evaluateRequirement(requirement, context));
  return {
    category: { id: category.id, abbreviation: category.abbreviation },
    periodStart: toIso(start),
    periodEnd: toIso(end),
    isExempt,
    status: combineStatuses(reports.map((report) => report.status)),
    requirements: reports,
  };
}

/** Reviewer, advisor and exam-reviewer hours in the period, oldest first, up to the credited maximum. */
function creditedReviewerHours(portfolio: Portfolio, start: number, end: number, maxHours: number): Portfolio["training"] {
  let left = maxHours;
  const credited: Portfolio["training"] = [];
  for (const entry of [...portfolio.reviewerHours].sort((a, b) => a.date.localeCompare(b.date))) {
    const day = toDay(entry.date);
    if (day < start || day > end || left <= 0) continue;
    const hours = Math.min(entry.hours, left);
    left -= hours;
    credited.push({
      id: entry.id,
      title: `Reviewer credit: ${entry.role}`,
      date: entry.date,
      clockHours: hours,
      domains: [],
      topics: ["reviewer-credit"],
      verified: false,
    });
  }
  return credited;
}
