import { addMonths, monthsBetween } from "../dates.ts";
import type { Requirement } from "../framework-schema.ts";
import { earnedOn, holdsOn } from "../prepare-portfolio.ts";
import { type Counted, type Excluded, type ExclusionReason, type Measure, round } from "../report.ts";
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

function spanOf(sessions: Session[]): number {
  if (sessions.length === 0) return 0;
  const days = sessions.map((session) => session.day);
  return monthsBetween(Math.min(...days), Math.max(...days));
}

/** Reflective supervision/consultation received: qualified provider on the session's date, never a peer, within the window. */
export function evaluateRscReceived(requirement: Received, context: EvaluationContext): Outcome {
  const earliest = requirement.windowMonths ? addMonths(context.asOf, -requirement.windowMonths) : null;
  const providerFrom = requirement.provider?.from;
  const counted: Counted[] = [];
  const excluded: Excluded[] = [];
  const kept: Session[] = [];
  let aboutProvided = 0;

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
    if (reason) {
      excluded.push({ entryId: entry.id, reason });
      continue;
    }
    kept.push(session);
    counted.push({ entryId: entry.id, amount: entry.hours });
    if (entry.aboutProvidedRsc) aboutProvided += entry.hours;
  }

  const measures: Measure[] = [
    { id: "hours", label: requirement.label, have: round(kept.reduce((sum, s) => sum + s.entry.hours, 0)), need: requirement.hours, unit: "hours" },
  ];
  if (requirement.aboutProvidedHours !== undefined) {
    measures.push({
      id: "about-provided",
      label: message("engine.measure.aboutProvided"),
      have: round(aboutProvided),
      need: requirement.aboutProvidedHours,
      unit: "hours",
    });
  }
  const span = requirement.minSpanMonths;
  return outcomeFromMeasures(measures, counted, excluded, span ? { isMet: spanOf(kept) >= span, missing: spanText(span) } : undefined);
}

/** Reflective supervision/consultation the person provided to others. */
export function evaluateRscProvided(requirement: Provided, context: EvaluationContext): Outcome {
  const earliest = requirement.maxSpanMonths ? addMonths(context.asOf, -requirement.maxSpanMonths) : null;
  const after = requirement.afterCredential ? earnedOn(context.prepared.portfolio.credentials, requirement.afterCredential) : null;
  const counted: Counted[] = [];
  const excluded: Excluded[] = [];
  const kept: Session[] = [];

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
    if (reason) {
      excluded.push({ entryId: entry.id, reason });
      continue;
    }
    kept.push(session);
    counted.push({ entryId: entry.id, amount: entry.hours });
  }

  const recipients = new Set(kept.flatMap((session) => session.entry.recipients.map((name) => name.trim().toLowerCase())));
  const measures: Measure[] = [
    { id: "hours", label: requirement.label, have: round(kept.reduce((sum, s) => sum + s.entry.hours, 0)), need: requirement.hours, unit: "hours" },
  ];
  if (requirement.minRecipients > 0) {
    measures.push({
      id: "recipients",
      label: message("engine.measure.recipients"),
      have: recipients.size,
      need: requirement.minRecipients,
      unit: "recipients",
    });
  }
  if (requirement.minSpanMonths) {
    measures.push({
      id: "span",
      label: message("engine.measure.span"),
      have: spanOf(kept),
      need: requirement.minSpanMonths,
      unit: "months",
    });
  }
  const hasBoth = kept.some((s) => s.entry.format === "individual") && kept.some((s) => s.entry.format === "group");
  return outcomeFromMeasures(
    measures,
    counted,
    excluded,
    requirement.bothFormats ? { isMet: hasBoth, missing: message("engine.missing.bothFormats") } : undefined,
  );
}
