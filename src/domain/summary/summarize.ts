import { type Day, toDay } from "../dates.ts";
import { evaluateRequirement, type Stage } from "../evaluate.ts";
import type { Framework } from "../framework-schema.ts";
import type { Portfolio } from "../portfolio-schema.ts";
import type { EligibilityReport, Status } from "../report.ts";
import { type CompiledFramework, compileFramework, type InForce, type Plan } from "./compile-framework.ts";
import { type CompiledPortfolio, compilePortfolio } from "./compile-portfolio.ts";
import { summarizeRscProvided, summarizeRscReceived } from "./summarize-rsc.ts";
import { summarizeShort } from "./summarize-short.ts";
import { type Judged, mostScoredBuckets, summarizeTraining } from "./summarize-training.ts";
import { summarizeWork } from "./summarize-work.ts";

export type RequirementSummary = { id: string; stage: "application" | "after-review"; status: Status; progress: number };

/** Where a person stands for a category, without the explanations: what dashboards, rankings and bulk checks need. */
export class CategorySummary {
  readonly category: EligibilityReport["category"];
  readonly status: Status;
  readonly progress: number;
  /** Requirements to apply still unmet or partly met. */
  readonly remaining: number;
  /** Progress over the requirements to apply that a person's review does not decide: how close, for ranking. */
  readonly closeness: number;
  readonly #requirements: InForce[];
  readonly #day: Day;
  readonly #judge: (item: InForce) => Judged;

  constructor(numbers: Omit<CategorySummary, "requirements">, requirements: InForce[], day: Day, judge: (item: InForce) => Judged) {
    this.category = numbers.category;
    this.status = numbers.status;
    this.progress = numbers.progress;
    this.remaining = numbers.remaining;
    this.closeness = numbers.closeness;
    this.#requirements = requirements;
    this.#day = day;
    this.#judge = judge;
  }

  /** Each requirement in force, judged; listed only when asked for (a ranking needs just the numbers). */
  get requirements(): RequirementSummary[] {
    return this.#requirements
      .filter((item) => item.from <= this.#day && item.until >= this.#day)
      .map((item) => ({ id: item.requirement.id, stage: item.requirement.stage, ...this.#judge(item) }));
  }
}

const statusRank: Record<Status, number> = { met: 3, "needs-review": 2, "partly-met": 1, unmet: 0 };

/**
 * Every category of a framework summarised on one date: status, progress and what is left, as the
 * full report (`evaluate`) would say, computed from the compiled framework and portfolio with each
 * distinct requirement judged once. The full report stays the one to explain a category.
 */
export function summarizeFramework(
  framework: Framework,
  portfolio: Portfolio | CompiledPortfolio,
  asOf: string,
  stage: Stage = "application",
): CategorySummary[] {
  const compiled = compileFramework(framework);
  const day = toDay(asOf);
  const judge = judgeOn(compiled, currentPortfolio(portfolio, compiled), day);
  return compiled.categories.map((category) => summarizeCategoryWith(category, judge, day, stage));
}

/** One category, summarised. */
export function summarizeCategory(
  framework: Framework,
  categoryId: string,
  portfolio: Portfolio | CompiledPortfolio,
  asOf: string,
  stage: Stage = "application",
): CategorySummary {
  const compiled = compileFramework(framework);
  const found = compiled.categories.find(({ category }) => category.id === categoryId);
  if (!found) throw new RangeError(`No category ${categoryId} in ${framework.id}`);
  const day = toDay(asOf);
  return summarizeCategoryWith(found, judgeOn(compiled, currentPortfolio(portfolio, compiled), day), day, stage);
}

/** A portfolio compiled before the framework knew all its words is read again. */
function currentPortfolio(portfolio: Portfolio | CompiledPortfolio, framework: CompiledFramework): CompiledPortfolio {
  if (!("source" in portfolio)) return compilePortfolio(portfolio);
  return portfolio.vocabularySize >= framework.vocabularySize ? portfolio : compilePortfolio(portfolio.source);
}

function summarizeCategoryWith(
  category: CompiledFramework["categories"][number],
  judgeSlot: (item: InForce) => Judged,
  day: Day,
  stage: Stage,
): CategorySummary {
  // One pass, as `evaluate`, `combineStatuses` and `recommend` count: this runs for every category of every portfolio.
  let counting = 0;
  let progress = 0;
  let allMet = true;
  let allMetOrReview = true;
  let anyProgress = false;
  let remaining = 0;
  let judged = 0;
  let closeness = 0;
  const { requirements } = category;
  for (const item of requirements) {
    if (item.from > day || item.until < day) continue;
    const { status, progress: share } = judgeSlot(item);
    const requirementStage = item.requirement.stage;
    if (requirementStage === "application") {
      if (status === "unmet" || status === "partly-met") remaining++;
      if (status !== "needs-review") {
        judged++;
        closeness += share;
      }
    }
    if (stage === "all" || requirementStage === "application") {
      counting++;
      progress += share;
      if (status !== "met") allMet = false;
      if (status !== "met" && status !== "needs-review") allMetOrReview = false;
      if (status === "met" || status === "partly-met") anyProgress = true;
    }
  }
  return new CategorySummary(
    {
      category: category.header,
      status: allMet ? "met" : allMetOrReview ? "needs-review" : anyProgress ? "partly-met" : "unmet",
      progress: counting === 0 ? 1 : progress / counting,
      remaining,
      closeness: judged === 0 ? 1 : closeness / judged,
    },
    requirements,
    day,
    judgeSlot,
  );
}

/** Judges requirements by slot on one date, each slot once. */
function judgeOn(framework: CompiledFramework, portfolio: CompiledPortfolio, asOf: Day): (item: InForce) => Judged {
  const results = new Array<Judged | undefined>(framework.plans.length);
  const judgeSlot = (item: InForce): Judged => (results[item.slot] ??= judgePlan(framework.plans[item.slot]!));

  function judgePlan(plan: Plan): Judged {
    switch (plan.requirement.kind) {
      case "training":
        if ("scored" in plan && plan.scored.length <= mostScoredBuckets) return summarizeTraining(plan, portfolio.training, asOf);
        break;
      case "rsc-received":
        if ("providers" in plan) return summarizeRscReceived(plan, portfolio.received, asOf);
        break;
      case "rsc-provided":
        if ("toLeader" in plan) return summarizeRscProvided(plan, portfolio.provided, portfolio.short, asOf);
        break;
      case "work":
        if ("kinds" in plan) return summarizeWork(plan, portfolio.work, portfolio.short, asOf);
        break;
      case "any-of":
        if ("options" in plan) return bestOption(plan.options.filter((option) => option.from <= asOf && option.until >= asOf).map(judgeSlot));
        break;
      default:
        if ("short" in plan) return summarizeShort(plan.short, portfolio.short, asOf);
    }
    // The exam (one per category that has one, read from a few recorded attempts) and the rare training of
    // many buckets: the full report's own rules, on the portfolio as it reads it.
    const { status, progress } = evaluateRequirement(plan.requirement, { framework: framework.framework, prepared: portfolio.prepared(), asOf });
    return { status, progress };
  }
  return judgeSlot;
}

/** As the full report's any-of: the best option by status, then progress. */
function bestOption(options: Judged[]): Judged {
  return options.reduce((best, option) =>
    statusRank[option.status] > statusRank[best.status] || (statusRank[option.status] === statusRank[best.status] && option.progress > best.progress)
      ? option
      : best,
  );
}
