import type { Category, Framework, Requirement, Text } from "./framework-schema.ts";
import { notEnoughInformation, ratingFormFor } from "./rating-form.ts";
import type { Status, StoredRequirementReport } from "./report.ts";
import type { ReviewOutcome } from "./review-outcomes.ts";

/**
 * The reviewer's checklist (issue 19, item 3): every requirement the engine judged in the frozen
 * file, its verdict, and what the reviewer says of it; the items only a person can judge, scored;
 * what the reviewer recommends. Pure: the commands and pages read the frozen report and the
 * framework, and hand them here.
 */
export type EngineVerdict = "met" | "not-met" | "needs-person";
export type Verdict = "met" | "not-met";

/** What a reviewer answers per requirement: confirm or override the engine, or decide where the engine could not. */
export const reviewDecisions = ["confirm", "override", "met", "not-met"] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export function engineVerdict(status: Status): EngineVerdict {
  if (status === "met") return "met";
  return status === "needs-review" ? "needs-person" : "not-met";
}

/** The answers a reviewer may give for a verdict: confirm or override it, or, where a person must judge, met or not met. */
export function decisionsFor(engine: EngineVerdict): readonly ReviewDecision[] {
  return engine === "needs-person" ? ["met", "not-met"] : ["confirm", "override"];
}

/** The verdict that stands after the reviewer's answer; null while unanswered. */
export function reviewerVerdict(engine: EngineVerdict, decision: ReviewDecision | null): Verdict | null {
  if (decision === null || !decisionsFor(engine).includes(decision)) return null;
  if (decision === "met" || decision === "not-met") return decision;
  const engineSays: Verdict = engine === "met" ? "met" : "not-met";
  return decision === "confirm" ? engineSays : engineSays === "met" ? "not-met" : "met";
}

export type ChecklistRequirement = { key: string; id: string; label: StoredRequirementReport["label"]; engine: EngineVerdict; counted: string[] };

/**
 * The requirements a reviewer answers for, from the frozen report, in its order. The exam (after
 * review) is left out: no reviewer judges it. A category may name a requirement twice (two training
 * requirements): the second becomes `training-2`, so every answer has its own field.
 */
export function checklistOf(requirements: readonly StoredRequirementReport[]): ChecklistRequirement[] {
  const seen = new Map<string, number>();
  return requirements
    .filter((requirement) => requirement.stage !== "after-review")
    .map((requirement) => {
      const count = (seen.get(requirement.id) ?? 0) + 1;
      seen.set(requirement.id, count);
      return {
        key: count === 1 ? requirement.id : `${requirement.id}-${count}`,
        id: requirement.id,
        label: requirement.label,
        engine: engineVerdict(requirement.status),
        counted: [...new Set(countedEntries(requirement))],
      };
    });
}

function countedEntries(requirement: StoredRequirementReport): string[] {
  return [...requirement.counted.map((counted) => counted.entryId), ...(requirement.options ?? []).flatMap(countedEntries)];
}

export type JudgedItem = { key: string; label: Text; description: Text | null };

/**
 * Documents a person reads and judges in California's categories: the learning narrative, and the
 * mentor's session video and its reflection (the observation of their work). Source:
 * shared/domain/endorsement-rules.md, "Document checklists" and the RPM row (S11, S12, S16, S17).
 */
const judgedDocuments: readonly string[] = ["learning-narrative", "reflection", "session-video"];

/**
 * What only a person can judge, each scored on the framework's scale. Where the category asks for
 * reference ratings (the Alliance), the competency domains the ratings and the statement show, as the
 * rating form lists them ("ratings are the main evidence for Reflection, Working with Others and
 * Thinking": shared/domain/endorsement-rules.md, EASy step 3); and any narrative or observation the
 * category requires (California's).
 */
export function judgedItemsFor(framework: Framework, category: Category): JudgedItem[] {
  const requirements = category.requirements.flatMap(flatten);
  const rated = requirements.some((requirement) => requirement.kind === "references" && requirement.referenceKind === "rating");
  const domains = rated
    ? ratingFormFor(framework, category.id).items.map((item) => ({ key: `domain-${item.id}`, label: item.label, description: item.description }))
    : [];
  const narratives = requirements
    .filter((requirement) => requirement.kind === "observation" || (requirement.kind === "document" && judgedDocuments.includes(requirement.document)))
    .map((requirement) => ({ key: `requirement-${requirement.id}`, label: requirement.label, description: null }));
  return [...domains, ...narratives];
}

function flatten(requirement: Requirement): Requirement[] {
  return requirement.kind === "any-of" ? requirement.options.flatMap(flatten) : [requirement];
}

/** The scale a reviewer scores on: the rating form's, without "not enough information" (a reviewer reads the whole file). */
export function reviewScale(framework: Framework, category: Category): string[] {
  return ratingFormFor(framework, category.id)
    .scale.map((option) => option.value)
    .filter((value) => value !== notEnoughInformation);
}

export type ReviewItem = { key: string; decision: ReviewDecision | null; comment: string };
/** As kept: with the engine's verdict it answers, copied from the frozen report. */
export type StoredReviewItem = ReviewItem & { engine: EngineVerdict };

/**
 * Only answers to what the page showed: the checklist's requirements in its order (an answer that
 * does not fit the verdict is no answer), the judged items' scores on the scale.
 */
export function keptAnswers<A extends ReviewAnswers>(
  checklist: readonly ChecklistRequirement[],
  judged: readonly JudgedItem[],
  scale: readonly string[],
  answers: A,
): Omit<A, "items"> & { items: StoredReviewItem[] } {
  const items = checklist.map((requirement) => {
    const given = answers.items.find((item) => item.key === requirement.key);
    const decision = given?.decision && decisionsFor(requirement.engine).includes(given.decision) ? given.decision : null;
    return { key: requirement.key, engine: requirement.engine, decision, comment: given?.comment ?? "" };
  });
  const scores = Object.fromEntries(
    judged.filter((item) => scale.includes(answers.scores[item.key] ?? "")).map((item) => [item.key, answers.scores[item.key]!] as const),
  );
  return { ...answers, items, scores };
}
export type ReviewAnswers = {
  items: readonly ReviewItem[];
  scores: Readonly<Record<string, string>>;
  feedback: string;
  recommendation: ReviewOutcome | null;
  hours: number | null;
};

/**
 * What stops a review from being submitted, as an error per field: every requirement answered, an
 * override explained, every item scored on the scale, an outcome open to the application, the
 * hours given; a deferral says why to the applicant. Field names are the form's.
 */
export function reviewProblems(
  checklist: readonly ChecklistRequirement[],
  judged: readonly JudgedItem[],
  scale: readonly string[],
  outcomes: readonly ReviewOutcome[],
  answers: ReviewAnswers,
): Record<string, ReviewProblem> {
  const problems: Record<string, ReviewProblem> = {};
  for (const requirement of checklist) {
    const item = answers.items.find((candidate) => candidate.key === requirement.key);
    if (!item || reviewerVerdict(requirement.engine, item.decision) === null) problems[`decision-${requirement.key}`] = "review.error.decide";
    else if (item.decision === "override" && item.comment.trim() === "") problems[`comment-${requirement.key}`] = "review.error.overrideComment";
  }
  for (const item of judged) if (!scale.includes(answers.scores[item.key] ?? "")) problems[`score-${item.key}`] = "review.error.score";
  if (answers.recommendation === null || !outcomes.includes(answers.recommendation)) problems.recommendation = "review.error.recommendation";
  if (answers.recommendation === "defer" && answers.feedback.trim() === "") problems.feedback = "review.error.feedbackForDefer";
  if (answers.hours === null || answers.hours <= 0) problems.hours = "review.error.hours";
  return problems;
}
export type ReviewProblem =
  | "review.error.decide"
  | "review.error.overrideComment"
  | "review.error.score"
  | "review.error.recommendation"
  | "review.error.feedbackForDefer"
  | "review.error.hours";

/** One submitted review as compared: the verdict per requirement, the score per item, the outcome. */
export type ComparedReview = {
  verdicts: Readonly<Record<string, Verdict | null>>;
  scores: Readonly<Record<string, string>>;
  recommendation: ReviewOutcome | null;
};

/**
 * Where reviewers disagree: the requirements whose standing verdicts differ, the items scored
 * differently, and whether they recommend different outcomes. One review disagrees with nobody.
 */
export function disagreements(reviews: readonly ComparedReview[]) {
  const differs = (values: ReadonlyArray<unknown>) => new Set(values).size > 1;
  const keys = (pick: (review: ComparedReview) => object) => [...new Set(reviews.flatMap((review) => Object.keys(pick(review))))];
  return {
    requirements: new Set(keys((review) => review.verdicts).filter((key) => differs(reviews.map((review) => review.verdicts[key] ?? null)))),
    scores: new Set(keys((review) => review.scores).filter((key) => differs(reviews.map((review) => review.scores[key] ?? null)))),
    recommendation: differs(reviews.map((review) => review.recommendation)),
  };
}
