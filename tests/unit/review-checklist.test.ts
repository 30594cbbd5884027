import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StoredRequirementReport } from "../../src/domain/report.ts";
import {
  type ChecklistRequirement,
  checklistOf,
  type ComparedReview,
  disagreements,
  engineVerdict,
  judgedItemsFor,
  keptAnswers,
  type ReviewAnswers,
  reviewerVerdict,
  reviewProblems,
  reviewScale,
} from "../../src/domain/review-checklist.ts";
import { reviewAnswersOf, reviewForm } from "../../src/forms/review-form.ts";
import { loadFrameworks } from "../../src/frameworks/load-frameworks.ts";

const frameworks = loadFrameworks();
const categoryOf = (frameworkId: string, categoryId: string) => {
  const framework = frameworks.find((candidate) => candidate.id === frameworkId)!;
  return { framework, category: framework.categories.find((candidate) => candidate.id === categoryId)! };
};

describe("the verdict that stands", () => {
  it.each([
    ["met", "met"],
    ["partly-met", "not-met"],
    ["unmet", "not-met"],
    ["needs-review", "needs-person"],
  ] as const)("the engine's %s reads as %s", (status, verdict) => {
    expect(engineVerdict(status)).toBe(verdict);
  });

  it.each([
    ["met", "confirm", "met"],
    ["met", "override", "not-met"],
    ["not-met", "confirm", "not-met"],
    ["not-met", "override", "met"],
    ["needs-person", "met", "met"],
    ["needs-person", "not-met", "not-met"],
    ["needs-person", "confirm", null],
    ["met", "met", null],
    ["not-met", null, null],
  ] as const)("engine %s, reviewer %s: %s", (engine, decision, verdict) => {
    expect(reviewerVerdict(engine, decision)).toBe(verdict);
  });
});

const requirement = (id: string, status: StoredRequirementReport["status"], extra: Partial<StoredRequirementReport> = {}): StoredRequirementReport => ({
  id,
  kind: "training",
  label: { en: id, es: id },
  source: "test",
  stage: "application",
  status,
  progress: 0,
  measures: [],
  counted: [],
  excluded: [],
  missing: null,
  ...extra,
});

describe("the checklist of a frozen report", () => {
  it("keeps the report's order, names a repeated requirement apart, leaves out the exam and gathers what counted in any option", () => {
    const checklist = checklistOf([
      requirement("training", "met", { counted: [{ entryId: "a", amount: 1 }] }),
      requirement("training", "unmet"),
      requirement("exam", "unmet", { stage: "after-review" }),
      requirement("education-or-work", "met", {
        options: [
          requirement("education", "met", { counted: [{ entryId: "b", amount: 1 }] }),
          requirement("work", "unmet", { counted: [{ entryId: "b", amount: 1 }] }),
        ],
      }),
    ]);
    expect(checklist.map(({ key, engine, counted }) => ({ key, engine, counted }))).toEqual([
      { key: "training", engine: "met", counted: ["a"] },
      { key: "training-2", engine: "not-met", counted: [] },
      { key: "education-or-work", engine: "met", counted: ["b"] },
    ]);
  });
});

describe("what only a person judges", () => {
  it.each([
    ["alliance-iecmh-e", "ifs", ["domain-theoretical-foundations", "domain-reflection"], ["domain-administration"]],
    ["alliance-iecmh-e", "imhm-c", ["domain-reflection", "domain-administration"], []],
    ["california-ifecmh", "tmhp", ["requirement-learning-narrative"], ["domain-A"]],
    ["california-ifecmh", "rpf-1", ["requirement-observation"], ["requirement-letter"]],
    ["california-ifecmh", "rp-mentor", ["requirement-session-video", "requirement-reflection"], ["requirement-personal-statement"]],
  ] as const)("%s %s: scores %j, not %j", (frameworkId, categoryId, included, excluded) => {
    const { framework, category } = categoryOf(frameworkId, categoryId);
    const keys = judgedItemsFor(framework, category).map((item) => item.key);
    expect(keys).toEqual(expect.arrayContaining([...included]));
    for (const key of excluded) expect(keys).not.toContain(key);
  });

  it("scores on the rating form's scale, without 'not enough information'", () => {
    const { framework, category } = categoryOf("alliance-iecmh-e", "ifs");
    expect(reviewScale(framework, category)).toEqual(["1", "2", "3", "4"]);
  });
});

const checklist: ChecklistRequirement[] = [
  { key: "training", id: "training", label: { en: "t", es: "t" }, engine: "met", counted: [] },
  { key: "age-band", id: "age-band", label: { en: "a", es: "a" }, engine: "needs-person", counted: [] },
];
const judged = [{ key: "domain-reflection", label: { en: "r", es: "r" }, description: null }];
const scale = ["1", "2", "3", "4"];
const complete: ReviewAnswers = {
  items: [
    { key: "training", decision: "confirm", comment: "" },
    { key: "age-band", decision: "met", comment: "" },
  ],
  scores: { "domain-reflection": "3" },
  feedback: "",
  recommendation: "endorse",
  hours: 2,
};

describe("what stops a review from being submitted", () => {
  it.each<[string, Partial<ReviewAnswers>, Record<string, string>]>([
    ["a complete review", {}, {}],
    ["an override explained", { items: [{ key: "training", decision: "override", comment: "Hours double counted" }, complete.items[1]!] }, {}],
    [
      "an override without a comment",
      { items: [{ key: "training", decision: "override", comment: " " }, complete.items[1]!] },
      { "comment-training": "review.error.overrideComment" },
    ],
    ["a requirement unanswered", { items: [complete.items[0]!] }, { "decision-age-band": "review.error.decide" }],
    [
      "a confirmation where a person must judge",
      { items: [complete.items[0]!, { key: "age-band", decision: "confirm", comment: "" }] },
      { "decision-age-band": "review.error.decide" },
    ],
    ["a score off the scale", { scores: { "domain-reflection": "nei" } }, { "score-domain-reflection": "review.error.score" }],
    ["no outcome", { recommendation: null }, { recommendation: "review.error.recommendation" }],
    ["an outcome not open", { recommendation: "approve-for-exam" }, { recommendation: "review.error.recommendation" }],
    ["a deferral without feedback", { recommendation: "defer" }, { feedback: "review.error.feedbackForDefer" }],
    ["a deferral with feedback", { recommendation: "defer", feedback: "Add the supervision log." }, {}],
    ["no hours", { hours: null }, { hours: "review.error.hours" }],
    ["zero hours", { hours: 0 }, { hours: "review.error.hours" }],
  ])("%s", (_name, change, problems) => {
    expect(reviewProblems(checklist, judged, scale, ["endorse", "defer", "hold"], { ...complete, ...change })).toEqual(problems);
  });

  it("keeps only the answers the page asked, in the checklist's order, with the engine's verdict", () => {
    const kept = keptAnswers(checklist, judged, scale, {
      ...complete,
      items: [{ key: "age-band", decision: "override", comment: "x" }, { key: "made-up", decision: "met", comment: "" }, complete.items[0]!],
      scores: { "domain-reflection": "9", "domain-made-up": "2" },
    });
    expect(kept.items).toEqual([
      { key: "training", engine: "met", decision: "confirm", comment: "" },
      { key: "age-band", engine: "needs-person", decision: null, comment: "x" },
    ]);
    expect(kept.scores).toEqual({});
  });
});

describe("the page's fields as answers", () => {
  it("reads each requirement's and item's fields, blank ones as unanswered", () => {
    const form = reviewForm.parse({
      intent: "save",
      "decision-training": "override",
      "comment-training": "  why  ",
      "decision-age-band": "bogus",
      "score-domain-reflection": "2",
      hours: "1.5",
      recommendation: "",
    });
    expect(reviewAnswersOf(form, ["training", "age-band"], ["domain-reflection", "domain-thinking"])).toEqual({
      items: [
        { key: "training", decision: "override", comment: "why" },
        { key: "age-band", decision: null, comment: "" },
      ],
      scores: { "domain-reflection": "2" },
      feedback: "",
      staffNotes: "",
      recommendation: null,
      hours: 1.5,
    });
  });

  it.each(["1,5", "abc", "-1", "12345"])("refuses hours written %s", (hours) => {
    expect(reviewForm.safeParse({ intent: "save", hours }).success).toBe(false);
  });
});

describe("where reviewers disagree", () => {
  const review = (
    verdicts: ComparedReview["verdicts"],
    scores: ComparedReview["scores"],
    recommendation: ComparedReview["recommendation"],
  ): ComparedReview => ({
    verdicts,
    scores,
    recommendation,
  });

  it.each<[string, ComparedReview[], { requirements: string[]; scores: string[]; recommendation: boolean }]>([
    ["nobody yet", [], { requirements: [], scores: [], recommendation: false }],
    [
      "alike",
      [review({ a: "met" }, { d: "3" }, "endorse"), review({ a: "met" }, { d: "3" }, "endorse")],
      { requirements: [], scores: [], recommendation: false },
    ],
    [
      "on a verdict, a score and the outcome",
      [review({ a: "met", b: "met" }, { d: "3", e: "2" }, "endorse"), review({ a: "not-met", b: "met" }, { d: "3", e: "4" }, "defer")],
      { requirements: ["a"], scores: ["e"], recommendation: true },
    ],
    [
      "one answered, one not",
      [review({ a: "met" }, { d: "3" }, "endorse"), review({ a: null }, {}, "endorse")],
      { requirements: ["a"], scores: ["d"], recommendation: false },
    ],
  ])("%s", (_name, reviews, expected) => {
    const found = disagreements(reviews);
    expect({ requirements: [...found.requirements], scores: [...found.scores], recommendation: found.recommendation }).toEqual(expected);
  });

  it("one review, or the same review twice, disagrees with nobody", () => {
    const verdict = fc.constantFrom("met" as const, "not-met" as const, null);
    const anyReview = fc.record({
      verdicts: fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), verdict),
      scores: fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.constantFrom("1", "2", "3", "4")),
      recommendation: fc.constantFrom("endorse" as const, "defer" as const, null),
    });
    fc.assert(
      fc.property(anyReview, (one) => {
        for (const reviews of [[one], [one, { ...one }]]) {
          const found = disagreements(reviews);
          expect(found.requirements.size + found.scores.size).toBe(0);
          expect(found.recommendation).toBe(false);
        }
      }),
    );
  });
});
