import { addMonths, toDay } from "../dates.ts";
import type { Requirement } from "../framework-schema.ts";
import type { Counted, Excluded, Measure } from "../report.ts";
import { round } from "../report.ts";
import { joinText, mapText, message } from "../report-messages.ts";
import { type EvaluationContext, type Outcome, outcomeFromMeasures, yesOrNo } from "./outcome.ts";

type Of<K extends Requirement["kind"]> = Extract<Requirement, { kind: K }>;

/** The code of ethics is signed again every year; membership must be current on the date checked. */
export function evaluateAttestation(requirement: Of<"attestation">, context: EvaluationContext): Outcome {
  const { attestations } = context.prepared.portfolio;
  if (requirement.attestation === "code-of-ethics") {
    const signed = attestations.codeOfEthicsSigned ? toDay(attestations.codeOfEthicsSigned) : null;
    const isCurrent = signed !== null && signed <= context.asOf && signed > addMonths(context.asOf, -12);
    return yesOrNo(isCurrent, message("engine.missing.codeOfEthics"));
  }
  const current = context.prepared.portfolio.memberships.filter((membership) => toDay(membership.validUntil) >= context.asOf);
  const declared = attestations.membershipValidUntil !== undefined && toDay(attestations.membershipValidUntil) >= context.asOf;
  return yesOrNo(
    current.length > 0 || declared,
    message("engine.missing.membership"),
    current.map((membership) => ({ entryId: membership.id, amount: 1 })),
  );
}

/**
 * A document must be there (and short enough); its quality is for a person to judge, so a
 * present document "needs review" rather than "met". An official transcript is met once received.
 */
export function evaluateDocument(requirement: Of<"document">, context: EvaluationContext): Outcome {
  const { portfolio } = context.prepared;
  if (requirement.document === "transcript") {
    const received = portfolio.education.filter((entry) => entry.officialTranscript);
    const pending: Excluded[] = portfolio.education
      .filter((entry) => !entry.officialTranscript)
      .map((entry) => ({ entryId: entry.id, reason: "not-official" }));
    return yesOrNo(
      received.length > 0,
      message("engine.missing.transcript"),
      received.map((entry) => ({ entryId: entry.id, amount: 1 })),
      pending,
    );
  }
  const documents = portfolio.documents.filter((document) => document.type === requirement.document);
  const counted: Counted[] = [];
  const excluded: Excluded[] = [];
  for (const document of documents) {
    if (requirement.maxWords !== undefined && (document.words ?? 0) > requirement.maxWords) excluded.push({ entryId: document.id, reason: "too-long" });
    else counted.push({ entryId: document.id, amount: 1 });
  }
  if (counted.length === 0) {
    const document = mapText(requirement.label, (words) => words.toLowerCase());
    const missing = requirement.maxWords
      ? message("engine.missing.documentUpTo", { document, maxWords: requirement.maxWords })
      : message("engine.missing.document", { document });
    return yesOrNo(false, missing, counted, excluded);
  }
  return { status: "needs-review", progress: 1, measures: [], counted, excluded, missing: null };
}

export function evaluateObservation(requirement: Of<"observation">, context: EvaluationContext): Outcome {
  const observations = context.prepared.portfolio.observations.filter((observation) => toDay(observation.date) <= context.asOf);
  const measures: Measure[] = [{ id: "count", label: requirement.label, have: observations.length, need: requirement.count, unit: "observations" }];
  return outcomeFromMeasures(
    measures,
    observations.map((observation) => ({ entryId: observation.id, amount: 1 })),
    [],
  );
}

/** Reading or video hours on a topic. */
export function evaluateActivity(requirement: Of<"activity">, context: EvaluationContext): Outcome {
  const entries = requirement.activity === "reading" ? context.prepared.reading : context.prepared.video;
  const counted: Counted[] = [];
  const excluded: Excluded[] = [];
  for (const { entry, day } of entries) {
    if (day > context.asOf) excluded.push({ entryId: entry.id, reason: "after-date" });
    else if (requirement.topics && !requirement.topics.some((topic) => entry.topics.includes(topic)))
      excluded.push({ entryId: entry.id, reason: "no-matching-domain" });
    else counted.push({ entryId: entry.id, amount: entry.hours });
  }
  const have = round(counted.reduce((sum, item) => sum + item.amount, 0));
  return outcomeFromMeasures([{ id: "hours", label: requirement.label, have, need: requirement.hours, unit: "hours" }], counted, excluded);
}

type ExamAttempt = EvaluationContext["prepared"]["portfolio"]["exams"][number];

/**
 * One attempt's verdict on a date: the result the association recorded (by then) decides; else a
 * score is judged against the part's pass mark (at or above it passes); a score for a part with no
 * pass mark (judged by raters), or a result recorded only after the date, waits for review.
 */
function verdictOf(attempt: ExamAttempt, passPercent: number | null, asOf: number): "pass" | "fail" | "review" {
  if (attempt.result !== undefined && attempt.recordedOn !== undefined && toDay(attempt.recordedOn) <= asOf) return attempt.result;
  if (attempt.score === undefined || attempt.outOf === undefined || passPercent === null) return "review";
  // In whole numbers, so 48 of 60 is exactly 80%.
  return attempt.score * 100 >= passPercent * attempt.outOf ? "pass" : "fail";
}

/**
 * A part is passed once any attempt passes (a later failed one does not undo it); a part with no
 * passing attempt but one waiting for its result needs review; every part must be passed.
 */
export function evaluateExam(requirement: Of<"exam">, context: EvaluationContext): Outcome {
  const exams = context.prepared.portfolio.exams.filter((exam) => toDay(exam.date) <= context.asOf);
  const counted: Counted[] = [];
  const excluded: Excluded[] = [];
  const results = requirement.parts.map((part) => {
    const attempts = exams.filter((exam) => exam.part === part.id).map((attempt) => ({ attempt, verdict: verdictOf(attempt, part.passPercent, context.asOf) }));
    for (const { attempt, verdict } of attempts) if (verdict === "fail") excluded.push({ entryId: attempt.id, reason: "not-passed" });
    const passed = attempts.find(({ verdict }) => verdict === "pass");
    if (passed) {
      counted.push({ entryId: passed.attempt.id, amount: 1 });
      return { part, state: "passed" as const };
    }
    if (attempts.some(({ verdict }) => verdict === "review")) return { part, state: "review" as const };
    return { part, state: attempts.length > 0 ? ("failed" as const) : ("missing" as const) };
  });
  const partsIn = (states: string[]) =>
    joinText(
      results.filter((result) => states.includes(result.state)).map((result) => result.part.label),
      ", ",
    );
  const passedCount = results.filter((result) => result.state === "passed").length;
  if (results.some((result) => result.state === "missing" || result.state === "failed")) {
    const waiting = results.some((result) => result.state === "review");
    return {
      status: passedCount > 0 ? "partly-met" : "unmet",
      progress: passedCount / results.length,
      measures: [],
      counted,
      excluded,
      missing: [
        message("engine.missing.exam", { parts: partsIn(["missing", "failed"]) }),
        ...(waiting ? [message("engine.missing.examResult", { parts: partsIn(["review"]) })] : []),
      ],
    };
  }
  if (results.some((result) => result.state === "review")) {
    return {
      status: "needs-review",
      progress: 1,
      measures: [],
      counted,
      excluded,
      missing: [message("engine.missing.examResult", { parts: partsIn(["review"]) })],
    };
  }
  return { status: "met", progress: 1, measures: [], counted, excluded, missing: null };
}

/** Something only a person can decide (a panel's discretion, a judgement of experience). */
export function evaluateReview(requirement: Of<"review">): Outcome {
  return { status: "needs-review", progress: 1, measures: [], counted: [], excluded: [], missing: [requirement.label] };
}
