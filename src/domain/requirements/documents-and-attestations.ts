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

/** A part is passed once any attempt reaches the pass mark; a part whose pass mark no source gives needs review. */
export function evaluateExam(requirement: Of<"exam">, context: EvaluationContext): Outcome {
  const exams = context.prepared.portfolio.exams.filter((exam) => toDay(exam.date) <= context.asOf);
  const results = requirement.parts.map((part) => {
    const attempts = exams.filter((exam) => exam.part === part.id);
    const best = attempts.sort((a, b) => b.score / b.outOf - a.score / a.outOf || a.id.localeCompare(b.id))[0];
    if (!best) return { part, state: "missing" as const };
    if (part.passPercent === null) return { part, state: "review" as const, latest: best };
    return { part, state: (best.score / best.outOf) * 100 >= part.passPercent ? ("passed" as const) : ("failed" as const), latest: best };
  });
  const counted: Counted[] = results.flatMap((result) => (result.state === "passed" && result.latest ? [{ entryId: result.latest.id, amount: 1 }] : []));
  const missing = results.filter((result) => result.state === "missing" || result.state === "failed");
  if (missing.length > 0) {
    const anyPassed = results.some((result) => result.state === "passed");
    return {
      status: anyPassed ? "partly-met" : "unmet",
      progress: results.filter((result) => result.state === "passed").length / results.length,
      measures: [],
      counted,
      excluded: [],
      missing: [
        message("engine.missing.exam", {
          parts: joinText(
            missing.map((result) => result.part.label),
            ", ",
          ),
        }),
      ],
    };
  }
  const needsReview = results.some((result) => result.state === "review");
  return { status: needsReview ? "needs-review" : "met", progress: 1, measures: [], counted, excluded: [], missing: null };
}

/** Something only a person can decide (a panel's discretion, a judgement of experience). */
export function evaluateReview(requirement: Of<"review">): Outcome {
  return { status: "needs-review", progress: 1, measures: [], counted: [], excluded: [], missing: [requirement.label] };
}
