import { describe, expect, it } from "vitest";
import { evaluate } from "../../../src/domain/evaluate.ts";
import { portfolioSchema } from "../../../src/domain/portfolio-schema.ts";
import { alliance, categoryOf, portfolio, requirementReport } from "./fixtures.ts";
import { words } from "./report-words.ts";

/**
 * The Alliance exam (IMHS, IMHM, ECMHS, ECMHM): Part 1 passes at 80% (no more than 12 of 60
 * wrong); Part 2 is judged by two raters, so it counts by the result the association recorded
 * (../shared/domain/endorsement-rules.md, 2.2).
 */
const asOf = "2025-10-01";
const part1 = (score: number, id = "p1", date = "2025-03-01") => ({ id, part: "part-1", date, score, outOf: 60 });
const part2 = (result: "pass" | "fail", id = "p2", recordedOn = "2025-04-15") => ({
  id,
  part: "part-2",
  date: "2025-03-01",
  result,
  recordedBy: "Alliance exam reviewers",
  recordedOn,
});
const exam = (exams: unknown[]) => requirementReport(alliance, "imhs", "exam", { exams } as never, asOf);

describe("the exam, Part 1 at the 80% pass mark", () => {
  it.each([
    [48, "met", 1],
    [47, "partly-met", 0.5],
    [60, "met", 1],
    [0, "partly-met", 0.5],
  ])("%s of 60 right with Part 2 recorded as passed -> %s", (score, status, progress) => {
    const report = exam([part1(score), part2("pass")]);
    expect(report).toMatchObject({ status, progress });
  });

  it("48 of 60 is exactly 80% (whole numbers, no rounding): passes; 79% does not", () => {
    expect(exam([{ ...part1(80), outOf: 100 }, part2("pass")]).status).toBe("met");
    const failed = exam([{ ...part1(79), outOf: 100 }, part2("pass")]);
    expect(failed.status).toBe("partly-met");
    expect(failed.excluded).toEqual([{ entryId: "p1", reason: "not-passed" }]);
    expect(words(failed.missing![0]!, "en")).toBe("Pass the exam: Part 1: 60 multiple-choice items.");
    expect(words(failed.missing![0]!, "es")).toBe("Apruebe el examen: Parte 1: 60 preguntas de opción múltiple.");
  });

  it("a later failed attempt does not undo a pass, and is shown as not counted", () => {
    const report = exam([part1(48, "a-pass", "2024-03-01"), part1(10, "b-fail", "2025-03-01"), part2("pass")]);
    expect(report.status).toBe("met");
    expect(report.counted).toEqual([
      { entryId: "a-pass", amount: 1 },
      { entryId: "p2", amount: 1 },
    ]);
    expect(report.excluded).toEqual([{ entryId: "b-fail", reason: "not-passed" }]);
  });

  it("an attempt after the date checked does not count yet", () => {
    expect(exam([part1(60, "p1", "2025-10-02"), part2("pass")]).status).toBe("partly-met");
  });
});

describe("the exam, Part 2 judged by raters", () => {
  it("recorded as passed with Part 1 passed -> met; recorded as failed -> not met, with the part named", () => {
    expect(exam([part1(48), part2("pass")]).status).toBe("met");
    const failed = exam([part1(48), part2("fail")]);
    expect(failed).toMatchObject({ status: "partly-met", progress: 0.5, excluded: [{ entryId: "p2", reason: "not-passed" }] });
    expect(words(failed.missing![0]!, "en")).toBe("Pass the exam: Part 2: answer 2 of 3 clinical vignettes.");
  });

  it("sat but no result recorded yet (or recorded after the date checked) -> needs review, waiting for the result", () => {
    const pending = exam([part1(48), { id: "p2", part: "part-2", date: "2025-03-01", score: 1, outOf: 1 }]);
    expect(pending.status).toBe("needs-review");
    expect(words(pending.missing![0]!, "en")).toBe("Waiting for the recorded result of: Part 2: answer 2 of 3 clinical vignettes.");
    expect(words(pending.missing![0]!, "es")).toBe("Pendiente del resultado registrado de: Parte 2: responder 2 de 3 viñetas clínicas.");
    expect(exam([part1(48), part2("pass", "p2", "2025-10-02")]).status).toBe("needs-review");
  });

  it("a failed Part 1 and a Part 2 waiting for its result: not met, both said", () => {
    const report = exam([part1(47), { id: "p2", part: "part-2", date: "2025-03-01", score: 1, outOf: 1 }]);
    expect(report.status).toBe("unmet");
    expect(report.missing!.map((text) => words(text, "en"))).toEqual([
      "Pass the exam: Part 1: 60 multiple-choice items.",
      "Waiting for the recorded result of: Part 2: answer 2 of 3 clinical vignettes.",
    ]);
  });

  it("no attempt at all -> not met", () => {
    expect(exam([])).toMatchObject({ status: "unmet", progress: 0 });
  });

  it("the format takes a recorded result only with who recorded it and when, and an attempt needs a score or a result", () => {
    const check = (entry: object) => portfolioSchema.safeParse({ exams: [entry] }).success;
    expect(check(part2("pass"))).toBe(true);
    expect(check({ id: "p2", part: "part-2", date: "2025-03-01", result: "pass" })).toBe(false);
    expect(check({ id: "p2", part: "part-2", date: "2025-03-01", result: "pass", recordedBy: "Staff" })).toBe(false);
    expect(check({ id: "p2", part: "part-2", date: "2025-03-01" })).toBe(false);
    expect(check({ id: "p2", part: "part-2", date: "2025-03-01", result: "maybe", recordedBy: "Staff", recordedOn: "2025-04-01" })).toBe(false);
  });
});

describe("which requirements the overall status counts", () => {
  const complete = { exams: [part1(47), part2("pass")] };
  it("the exam is reported either way; `application` leaves it out of the overall status, `all` counts it", () => {
    const category = categoryOf(alliance, "imhs");
    const toApply = evaluate(alliance, category, portfolio(complete), asOf, "application");
    const every = evaluate(alliance, category, portfolio(complete), asOf, "all");
    expect(toApply.requirements.map((r) => r.id)).toEqual(every.requirements.map((r) => r.id));
    expect(evaluate(alliance, category, portfolio(complete), asOf)).toEqual(toApply);
    expect(every.progress).toBeGreaterThan(toApply.progress); // the half-passed exam counts only in `all`
    const onlyExam = { ...category, requirements: category.requirements.filter((r) => r.id === "exam") };
    expect(evaluate(alliance, onlyExam, portfolio(complete), asOf, "application")).toMatchObject({ status: "met", progress: 1 });
    expect(evaluate(alliance, onlyExam, portfolio(complete), asOf, "all")).toMatchObject({ status: "partly-met", progress: 0.5 });
  });
});
