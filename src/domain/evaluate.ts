import { type Day, toDay } from "./dates.ts";
import type { Category, Framework, Requirement } from "./framework-schema.ts";
import type { Portfolio } from "./portfolio-schema.ts";
import { type PreparedPortfolio, preparePortfolio } from "./prepare-portfolio.ts";
import { message } from "./report-messages.ts";
import { combineStatuses, type EligibilityReport, type RequirementReport } from "./report.ts";
import { evaluateCredential, evaluateEducation, evaluateLicence } from "./requirements/education-and-credentials.ts";
import {
  evaluateActivity,
  evaluateAttestation,
  evaluateDocument,
  evaluateExam,
  evaluateObservation,
  evaluateReview,
} from "./requirements/documents-and-attestations.ts";
import type { EvaluationContext, Outcome } from "./requirements/outcome.ts";
import { evaluateReferences } from "./requirements/references.ts";
import { evaluateRscProvided, evaluateRscReceived } from "./requirements/reflective-supervision.ts";
import { evaluateTraining } from "./requirements/training.ts";
import { evaluateWork } from "./requirements/work.ts";

/** Whether a requirement is in force on a day: rules change, and an application is judged by the rules of its date. */
export function isInForce(requirement: Pick<Requirement, "effectiveFrom" | "effectiveUntil">, day: Day): boolean {
  return (
    (requirement.effectiveFrom === undefined || toDay(requirement.effectiveFrom) <= day) &&
    (requirement.effectiveUntil === undefined || toDay(requirement.effectiveUntil) >= day)
  );
}

function outcomeOf(requirement: Requirement, context: EvaluationContext): Outcome {
  switch (requirement.kind) {
    case "education":
      return evaluateEducation(requirement, context);
    case "licence":
      return evaluateLicence(requirement, context);
    case "credential":
      return evaluateCredential(requirement, context);
    case "work":
      return evaluateWork(requirement, context);
    case "training":
      return evaluateTraining(requirement, context);
    case "rsc-received":
      return evaluateRscReceived(requirement, context);
    case "rsc-provided":
      return evaluateRscProvided(requirement, context);
    case "activity":
      return evaluateActivity(requirement, context);
    case "references":
      return evaluateReferences(requirement, context);
    case "attestation":
      return evaluateAttestation(requirement, context);
    case "document":
      return evaluateDocument(requirement, context);
    case "observation":
      return evaluateObservation(requirement, context);
    case "exam":
      return evaluateExam(requirement, context);
    case "review":
      return evaluateReview(requirement);
    case "any-of":
      return evaluateAnyOf(requirement.options, context);
  }
}

/** Met when one option is met; otherwise shows the option closest to being met. */
function evaluateAnyOf(options: Requirement[], context: EvaluationContext): Outcome {
  const inForce = options.filter((option) => isInForce(option, context.asOf));
  const reports = inForce.map((option) => evaluateRequirement(option, context));
  const rank = { met: 3, "needs-review": 2, "partly-met": 1, unmet: 0 } as const;
  const best = [...reports].sort((a, b) => rank[b.status] - rank[a.status] || b.progress - a.progress)[0]!;
  return {
    status: best.status,
    progress: best.progress,
    measures: best.measures,
    counted: best.counted,
    excluded: best.excluded,
    missing: best.status === "met" ? null : [message("engine.missing.oneOf", { options: inForce.map((option) => option.label) })],
    options: reports,
  };
}

export function evaluateRequirement(requirement: Requirement, context: EvaluationContext): RequirementReport {
  const outcome = outcomeOf(requirement, context);
  return { id: requirement.id, kind: requirement.kind, label: requirement.label, source: requirement.source, stage: requirement.stage, ...outcome };
}

/**
 * Which requirements the overall status and progress count: `application` (may this person apply,
 * then sit the exam: the requirements of the application stage), or `all` (is every requirement
 * met, the exam and anything else after review included). Every requirement is reported either way.
 */
export type Stage = "application" | "all";

/**
 * Where a person stands for one category on a date: every requirement in force that day, with
 * its status, numbers, the entries that counted and why others did not. Pure and deterministic.
 */
export function evaluate(
  framework: Framework,
  category: Category,
  portfolio: Portfolio | PreparedPortfolio,
  asOf: string,
  stage: Stage = "application",
): EligibilityReport {
  const prepared = "portfolio" in portfolio ? portfolio : preparePortfolio(portfolio);
  const day = toDay(asOf);
  const context: EvaluationContext = { framework, prepared, asOf: day };
  const requirements = category.requirements
    .filter((requirement) => isInForce(requirement, day))
    .map((requirement) => evaluateRequirement(requirement, context));
  const counting = stage === "all" ? requirements : requirements.filter((requirement) => requirement.stage === "application");
  return {
    framework: { id: framework.id, version: framework.version },
    category: { id: category.id, name: category.name, abbreviation: category.abbreviation },
    asOf,
    status: combineStatuses(counting.map((requirement) => requirement.status)),
    progress: counting.length === 0 ? 1 : counting.reduce((sum, requirement) => sum + requirement.progress, 0) / counting.length,
    requirements,
  };
}
