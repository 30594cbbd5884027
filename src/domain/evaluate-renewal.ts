import { addMonths, toDay, toIso } from "./dates.ts";
import type { Category, Framework, Requirement, Text } from "./framework-schema.ts";
import type { Portfolio } from "./portfolio-schema.ts";
import { preparePortfolio } from "./prepare-portfolio.ts";
import { combineStatuses, type RequirementReport } from "./report.ts";
import { message, type ReportMessageKey } from "./report-messages.ts";
import { evaluateRequirement, isInForce } from "./evaluate.ts";

export type RenewalReport = {
  category: { id: string; abbreviation: string };
  periodStart: string;
  periodEnd: string;
  /** The first period after earning the credential needs no training hours, where the rules say so. */
  isExempt: boolean;
  status: RequirementReport["status"];
  requirements: RequirementReport[];
};

type RenewalName = Extract<ReportMessageKey, `engine.renewal.${string}`>;

/**
 * Renewal's requirements are the engine's, not a framework's, so their names are messages. The
 * evaluators take framework text, so each requirement is built with its key as a stand-in label,
 * and the report replaces every stand-in (in labels and inside the shortfall's messages) by the message.
 */
const standIn = (key: RenewalName): Text => ({ en: key, es: key });

function isStandIn(value: unknown): value is Text & { en: RenewalName } {
  return (
    typeof value === "object" && value !== null && "en" in value && "es" in value && value.en === value.es && String(value.en).startsWith("engine.renewal.")
  );
}

function named<T>(value: T): T {
  if (isStandIn(value)) return message(value.en) as T;
  if (Array.isArray(value)) return value.map(named) as T;
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, named(inner)])) as T;
  return value;
}

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
      label: standIn("engine.renewal.training"),
      withinMonths: rules.periodMonths,
      buckets: [
        ...(dei > 0 ? [{ id: "dei", label: standIn("engine.renewal.dei"), hours: dei, topics: ["dei"] }] : []),
        ...(rsc > 0 ? [{ id: "rsc", label: standIn("engine.renewal.rsc"), hours: rsc, topics: ["rsc"] }] : []),
        {
          id: "other",
          label: standIn("engine.renewal.other"),
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
      label: standIn("engine.renewal.rscReceived"),
      hours: rules.rscReceivedHours ?? 0,
      withinMonths: rules.periodMonths,
      onlyAboutProvided: false,
      provider: applicationProviderRule(category, end),
    });
  }
  requirements.push({
    ...base,
    id: "renewal-ethics",
    kind: "attestation",
    attestation: "code-of-ethics",
    label: standIn("engine.renewal.ethics"),
  });
  requirements.push({
    ...base,
    id: "renewal-membership",
    kind: "attestation",
    attestation: "membership",
    label: standIn("engine.renewal.membership"),
  });

  const reports = requirements.map((requirement) => named(evaluateRequirement(requirement, context)));
  return {
    category: { id: category.id, abbreviation: category.abbreviation },
    periodStart: toIso(start),
    periodEnd: toIso(end),
    isExempt,
    status: combineStatuses(reports.map((report) => report.status)),
    requirements: reports,
  };
}

/**
 * Who may give the RS/C a renewal counts: the same rule the category's application uses (in force at
 * the period's end, checked at each session's date), so renewal hours from someone who could not
 * give qualifying RS/C for the application do not count either. Peers never count, with or without one.
 */
function applicationProviderRule(category: Category, day: number): Extract<Requirement, { kind: "rsc-received" }>["provider"] {
  const received = (requirement: Requirement): Array<Extract<Requirement, { kind: "rsc-received" }>> =>
    !isInForce(requirement, day)
      ? []
      : requirement.kind === "rsc-received"
        ? [requirement]
        : requirement.kind === "any-of"
          ? requirement.options.flatMap(received)
          : [];
  const candidates = category.requirements.flatMap(received).filter((requirement) => requirement.provider !== undefined);
  return (candidates.find((requirement) => !requirement.onlyAboutProvided) ?? candidates[0])?.provider;
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

/**
 * One renewal report per category a person holds, for the period ending on `periodEnd` (an
 * association's credentials share its due date), all from the same portfolio: the same hours count
 * in full for each category, never split between them (endorsement-rules.md §2.3, S52: "the same
 * hours can be used for each; pay one fee").
 */
export function evaluateRenewals(
  framework: Framework,
  portfolio: Portfolio,
  held: ReadonlyArray<{ categoryId: string; earned: string }>,
  periodEnd: string,
): RenewalReport[] {
  const seen = new Set<string>();
  return held.map(({ categoryId, earned }) => {
    const category = framework.categories.find((candidate) => candidate.id === categoryId);
    if (!category) throw new RangeError(`${framework.id} has no category ${categoryId}`);
    if (seen.has(categoryId)) throw new RangeError(`${categoryId} is held once`);
    seen.add(categoryId);
    return evaluateRenewal(framework, category, portfolio, { earned, periodEnd });
  });
}
