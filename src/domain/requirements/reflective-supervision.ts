import { addMonths, type Day, monthsBetween } from "../dates.ts";
import type { Requirement } from "../framework-schema.ts";
import { earnedOn, holdsOn } from "../prepare-portfolio.ts";
import { type Counted, type Excluded, type ExclusionReason, type Measure, round, statusOfMeasures } from "../report.ts";
import { message } from "../report-messages.ts";
import { type EvaluationContext, type Outcome, outcomeFromMeasures } from "./outcome.ts";

type Received = Extract<Requirement, { kind: "rsc-received" }>;
type Provided = Extract<Requirement, { kind: "rsc-provided" }>;
type Session = EvaluationContext["prepared"]["rsc"][number];

function spanText(months: number) {
  return message("engine.missing.spread", { months });
}

/** What every session must meet, given or received: dated in the period, a group small enough. */
function whyNotCommon(session: Session, context: EvaluationContext, earliest: number | null, maxGroupSize: number | undefined): ExclusionReason | null {
  if (session.day > context.asOf) return "after-date";
  if (earliest !== null && session.day <= earliest) return "outside-window";
  if (session.entry.format === "group" && maxGroupSize !== undefined && (session.entry.groupSize ?? 0) > maxGroupSize) return "group-too-large";
  return null;
}

/** Whole months the sessions spread over, first to last, by the same calendar arithmetic as the window (`addMonths`). */
function spanOf(sessions: Session[]): number {
  if (sessions.length === 0) return 0;
  const days = sessions.map((session) => session.day);
  return spanMonths(Math.min(...days), Math.max(...days));
}

/** Whole months from the first day to the last, counted so that `spreadsOver(first, last, months)` holds. */
export function spanMonths(first: Day, last: Day): number {
  let months = monthsBetween(first, last);
  // At a month's end addMonths clamps (31 January + 1 month is 28 February), which monthsBetween counts as short of a month.
  while (spreadsOver(first, last, months + 1)) months++;
  return months;
}

/** Whether the sessions (sorted by day), first to last, spread over at least `months`: the same calendar arithmetic as the window. */
export function spreadsOver(first: Day, last: Day, months: number): boolean {
  return last >= addMonths(first, months);
}

/** Sessions `from` up to but not including `to`, in day order. */
export type Window = { from: number; to: number };

/** A window's score, each number deciding in turn: written into `into`, so the search allocates nothing per window. */
export type WindowScore = (from: number, to: number, into: Float64Array) => void;

const candidateScore = new Float64Array(3);
const bestScore = new Float64Array(3);

/**
 * The best stretch of sessions (sorted by day) whose first and last are at most `months` apart,
 * by `score` (for RS/C received: progress on the hours and the part about the RS/C the person
 * provides, the span, then the hours; for RS/C provided: progress on the hours, recipients and
 * span, both formats, then the hours), ties going to the latest. Only a window starting on a
 * session and running as far as it may can be best (a shorter one has no more hours, recipients,
 * formats or span), so one pass with two pointers over the sorted sessions looks at each of them.
 */
export function bestWindow(days: ArrayLike<Day>, months: number, score: WindowScore): Window {
  const best: Window = { from: 0, to: 0 };
  let to = 0;
  for (let from = 0; from < days.length; from++) {
    const last = addMonths(days[from]!, months);
    if (to < from) to = from;
    while (to < days.length && days[to]! <= last) to++;
    score(from, to, candidateScore);
    // Ties go to the later window: ">=" keeps the last one seen.
    if (from === 0 || compareScores(candidateScore, bestScore) >= 0) {
      best.from = from;
      best.to = to;
      bestScore.set(candidateScore);
    }
  }
  return best;
}

function compareScores(a: Float64Array, b: Float64Array): number {
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return a[index]! - b[index]!;
  return 0;
}

/**
 * Reflective supervision/consultation received: qualified provider on the session's date, never a
 * peer. With `windowMonths`, the hours counted are those of the best window of at most that many
 * months ending on or before the date (the span minimum and the part about the RS/C the person
 * provides judged inside the same window); with `withinMonths`, only sessions in that many months
 * before the date can count at all (recency, which a framework must ask for).
 */
export function evaluateRscReceived(requirement: Received, context: EvaluationContext): Outcome {
  const earliest = requirement.withinMonths ? addMonths(context.asOf, -requirement.withinMonths) : null;
  const providerFrom = requirement.provider?.from;
  const reasons = new Map<Session, ExclusionReason>();
  const eligible: Session[] = [];

  for (const session of context.prepared.rsc) {
    const { entry, day } = session;
    if (entry.direction !== "received") continue;
    const provider = entry.provider;
    const whyNotReceived = (): ExclusionReason | null => {
      if (provider?.isPeer) return "peer";
      if (!isQualified) return "provider-not-qualified";
      if (requirement.onlyAboutProvided && !entry.aboutProvidedRsc) return "not-about-provided";
      return null;
    };
    const needsQualifiedProvider = requirement.provider !== undefined && (providerFrom === undefined || entry.date >= providerFrom);
    const isQualified =
      !needsQualifiedProvider ||
      (provider !== undefined && (holdsOn(provider.credentials, requirement.provider!.anyOf, day) || (requirement.provider!.acceptVetted && provider.vetted)));
    const reason = whyNotCommon(session, context, earliest, requirement.maxGroupSize) ?? whyNotReceived();
    if (reason) reasons.set(session, reason);
    else eligible.push(session);
  }

  // Sorted by day once (a stable sort keeps the id order on the same day), summed once.
  const sorted = [...eligible].sort((a, b) => a.day - b.day);
  const hoursBefore = runningSums(sorted, (session) => session.entry.hours);
  const aboutBefore = runningSums(sorted, (session) => (session.entry.aboutProvidedRsc ? session.entry.hours : 0));
  const span = requirement.minSpanMonths;
  const measuresOf = ({ from, to }: Window): Measure[] => {
    const measures: Measure[] = [
      { id: "hours", label: requirement.label, have: round(hoursBefore[to]! - hoursBefore[from]!), need: requirement.hours, unit: "hours" },
    ];
    if (requirement.aboutProvidedHours !== undefined) {
      measures.push({
        id: "about-provided",
        label: message("engine.measure.aboutProvided"),
        have: round(aboutBefore[to]! - aboutBefore[from]!),
        need: requirement.aboutProvidedHours,
        unit: "hours",
      });
    }
    return measures;
  };
  const spanIsMet = ({ from, to }: Window) => !span || (to > from && spreadsOver(sorted[from]!.day, sorted[to - 1]!.day, span));
  const score: WindowScore = (from, to, into) => {
    const judged = statusOfMeasures(measuresOf({ from, to }));
    const spanMet = spanIsMet({ from, to });
    into[0] = judged.status === "met" && !spanMet ? 0.95 : judged.progress;
    into[1] = spanMet ? 1 : 0;
    into[2] = hoursBefore[to]! - hoursBefore[from]!;
  };
  const window = requirement.windowMonths
    ? bestWindow(
        sorted.map((session) => session.day),
        requirement.windowMonths,
        score,
      )
    : { from: 0, to: sorted.length };
  const { counted, excluded } = countedAndExcluded(context, "received", reasons, new Set(sorted.slice(window.from, window.to)));
  return outcomeFromMeasures(measuresOf(window), counted, excluded, span ? { isMet: spanIsMet(window), missing: spanText(span) } : undefined);
}

/**
 * Reflective supervision/consultation the person provided to others. With `maxSpanMonths`, what
 * counts is the best window of at most that many months ending on or before the date, as for RS/C
 * received: the hours, the recipients, the span minimum and both formats judged inside the same
 * window; with `withinMonths`, only sessions in that many months before the date can count at all.
 */
export function evaluateRscProvided(requirement: Provided, context: EvaluationContext): Outcome {
  const earliest = requirement.withinMonths ? addMonths(context.asOf, -requirement.withinMonths) : null;
  const after = requirement.afterCredential ? earnedOn(context.prepared.portfolio.credentials, requirement.afterCredential) : null;
  const reasons = new Map<Session, ExclusionReason>();
  const eligible: Session[] = [];

  for (const session of context.prepared.rsc) {
    const { entry, day } = session;
    if (entry.direction !== "provided") continue;
    const reason =
      whyNotCommon(session, context, earliest, requirement.maxGroupSize) ??
      (requirement.afterCredential && (after === null || day < after)
        ? "before-credential"
        : requirement.toLeader && !entry.recipientLeader
          ? "not-to-leader"
          : null);
    if (reason) reasons.set(session, reason);
    else eligible.push(session);
  }

  const sorted = [...eligible].sort((a, b) => a.day - b.day);
  const hoursBefore = runningSums(sorted, (session) => session.entry.hours);
  const hoursIn = ({ from, to }: Window) => hoursBefore[to]! - hoursBefore[from]!;
  const measuresOf = (window: Window): Measure[] => {
    const kept = sorted.slice(window.from, window.to);
    const measures: Measure[] = [{ id: "hours", label: requirement.label, have: round(hoursIn(window)), need: requirement.hours, unit: "hours" }];
    if (requirement.minRecipients > 0) {
      const recipients = new Set(kept.flatMap((session) => session.entry.recipients.map((name) => name.trim().toLowerCase())));
      measures.push({
        id: "recipients",
        label: message("engine.measure.recipients"),
        have: recipients.size,
        need: requirement.minRecipients,
        unit: "recipients",
      });
    }
    if (requirement.minSpanMonths) {
      measures.push({ id: "span", label: message("engine.measure.span"), have: spanOf(kept), need: requirement.minSpanMonths, unit: "months" });
    }
    return measures;
  };
  const formatsMet = ({ from, to }: Window) => {
    if (!requirement.bothFormats) return true;
    const kept = sorted.slice(from, to);
    return kept.some((s) => s.entry.format === "individual") && kept.some((s) => s.entry.format === "group");
  };
  const score: WindowScore = (from, to, into) => {
    const judged = statusOfMeasures(measuresOf({ from, to }));
    const met = formatsMet({ from, to });
    into[0] = judged.status === "met" && !met ? 0.95 : judged.progress;
    into[1] = met ? 1 : 0;
    into[2] = hoursIn({ from, to });
  };
  const window = requirement.maxSpanMonths
    ? bestWindow(
        sorted.map((session) => session.day),
        requirement.maxSpanMonths,
        score,
      )
    : { from: 0, to: sorted.length };
  const { counted, excluded } = countedAndExcluded(context, "provided", reasons, new Set(sorted.slice(window.from, window.to)));
  return outcomeFromMeasures(
    measuresOf(window),
    counted,
    excluded,
    requirement.bothFormats ? { isMet: formatsMet(window), missing: message("engine.missing.bothFormats") } : undefined,
  );
}

/** Running sums over the sessions (sorted by day): the sum of the first i at index i, so a window's sum is two look-ups. */
function runningSums(sorted: Session[], value: (session: Session) => number): number[] {
  const sums = [0];
  for (const session of sorted) sums.push(sums.at(-1)! + value(session));
  return sums;
}

/** The sessions of one direction as counted (in the window) or not, with the reason, in the portfolio's order. */
function countedAndExcluded(
  context: EvaluationContext,
  direction: Session["entry"]["direction"],
  reasons: Map<Session, ExclusionReason>,
  inWindow: Set<Session>,
) {
  const counted: Counted[] = [];
  const excluded: Excluded[] = [];
  for (const session of context.prepared.rsc) {
    if (session.entry.direction !== direction) continue;
    const reason = reasons.get(session) ?? (inWindow.has(session) ? null : "other-window");
    if (reason) excluded.push({ entryId: session.entry.id, reason });
    else counted.push({ entryId: session.entry.id, amount: session.entry.hours });
  }
  return { counted, excluded };
}
