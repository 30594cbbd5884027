import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { examResult, examResults, examRules, part1Passes, part2Result, retakeAllowedFrom, type ExamResult } from "../../src/domain/exam-result.ts";
import { hasExam } from "../../src/domain/review-outcomes.ts";
import { loadFrameworks } from "../../src/frameworks/load-frameworks.ts";

const frameworks = loadFrameworks();
const imhs = frameworks.find((framework) => framework.id === "alliance-iecmh-e")!.categories.find((category) => category.id === "imhs")!;
const rules = examRules(imhs)!;
const rated = (first: ExamResult | null, second: ExamResult | null, third: ExamResult | null = null) => [
  { round: "first" as const, result: first },
  { round: "second" as const, result: second },
  ...(third === null ? [] : [{ round: "third" as const, result: third }]),
];

describe("the exam's rules come from the framework", () => {
  it("reads Part 1's items and pass mark and the retake wait from every category with an exam, and nothing from one without", () => {
    for (const framework of frameworks)
      for (const category of framework.categories) {
        const found = examRules(category);
        expect(found !== undefined, category.id).toBe(hasExam(category));
      }
    expect(rules).toEqual({ part1Items: 60, part1PassPercent: 80, retakeAfterMonths: 12 });
  });
});

describe("Part 1", () => {
  it.each([
    [60, true],
    [48, true],
    [47, false],
    [0, false],
  ])("%i of 60 correct passes: %s", (correct, passes) => {
    expect(part1Passes(correct, rules)).toBe(passes);
  });
});

describe("Part 2 and the result", () => {
  it.each([
    [rated(null, null), null, "pending"],
    [rated("pass", null), 60, "pending"],
    [rated("pass", "pass"), null, "pending"],
    [rated("pass", "pass"), 48, "pass"],
    [rated("pass", "pass"), 47, "not-yet"],
    [rated("not-yet", "not-yet"), 60, "not-yet"],
    [rated("pass", "not-yet"), 60, "needs-third"],
    [rated("not-yet", "pass"), null, "needs-third"],
    [rated("pass", "not-yet", "pass"), 50, "pass"],
    [rated("not-yet", "pass", "not-yet"), 60, "not-yet"],
    [rated("pass", "not-yet", "pass"), 30, "not-yet"],
  ] as const)("ratings %j with Part 1 %s: %s", (part2Ratings, part1Correct, expected) => {
    expect(examResult({ part1Correct, part2Ratings }, rules)).toBe(expected);
  });

  it("passes exactly when Part 1 reaches the mark and Part 2's settled rating is pass, whatever the order of the ratings", () => {
    const result = fc.constantFrom(...examResults);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), result, result, result, (correct, first, second, third) => {
        const ratings = rated(first, second, third);
        const settled = first === second ? first : third;
        expect(part2Result([...ratings].reverse())).toBe(settled);
        const outcome = examResult({ part1Correct: correct, part2Ratings: ratings }, rules);
        expect(outcome).toBe(correct * 100 >= 80 * 60 && settled === "pass" ? "pass" : "not-yet");
      }),
    );
  });
});

describe("a retake", () => {
  it.each([
    ["2026-03-15", "2027-03-15"],
    ["2028-02-29", "2029-02-28"],
  ])("after a 'not yet' on %s is open from %s", (decided, from) => {
    expect(retakeAllowedFrom(decided, rules)).toBe(from);
  });
});
