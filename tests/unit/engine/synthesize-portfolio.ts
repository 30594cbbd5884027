import { addMonths, toDay, toIso } from "../../../src/domain/dates.ts";
import type { Category, Requirement } from "../../../src/domain/framework-schema.ts";
import type { Portfolio, PortfolioInput } from "../../../src/domain/portfolio-schema.ts";
import { portfolioSchema } from "../../../src/domain/portfolio-schema.ts";

/**
 * Builds, from a category's published rules, a portfolio that meets each numeric requirement
 * exactly at its threshold, and the "just under" variant of any one requirement. The engine is
 * then asked about these portfolios; the builder never asks the engine anything.
 */
type Draft = Required<
  Pick<
    PortfolioInput,
    | "education"
    | "licences"
    | "credentials"
    | "work"
    | "training"
    | "reflectiveSupervision"
    | "reading"
    | "video"
    | "references"
    | "documents"
    | "observations"
    | "exams"
  >
> & {
  attestations: NonNullable<PortfolioInput["attestations"]>;
};

const months = (asOf: string, delta: number) => toIso(addMonths(toDay(asOf), delta));
const days = (asOf: string, delta: number) => toIso(toDay(asOf) + delta);

export function emptyDraft(asOf: string): Draft {
  return {
    education: [],
    licences: [],
    credentials: [],
    work: [],
    training: [],
    reflectiveSupervision: [],
    reading: [],
    video: [],
    references: [],
    documents: [],
    observations: [],
    exams: [],
    attestations: { codeOfEthicsSigned: months(asOf, -1), membershipValidUntil: months(asOf, 12), providesRsc: false },
  };
}

let counter = 0;
const levels = ["high-school", "cda", "associate", "bachelor", "master", "doctorate"] as const;
const levelBelow = (level: (typeof levels)[number]) => levels[Math.max(levels.indexOf(level) - 1, 0)]!;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

/** Adds entries meeting `requirement` at its threshold; `under` leaves it just short. */
export function satisfy(draft: Draft, requirement: Requirement, asOf: string, under = false): void {
  const less = (amount: number, step: number) => (under ? amount - step : amount);
  switch (requirement.kind) {
    case "education":
      // Just under: a completed degree one level too low.
      draft.education.push({
        id: nextId("edu"),
        level: under ? levelBelow(requirement.minLevel) : requirement.minLevel,
        relatedField: true,
        completed: months(asOf, -12 * 12),
        officialTranscript: true,
      });
      return;
    case "any-of":
      return satisfy(draft, requirement.options[0]!, asOf, under);
    case "licence":
      draft.licences.push({ id: nextId("lic"), type: "LCSW", issued: months(asOf, -24), expires: under ? days(asOf, -1) : months(asOf, 12) });
      return;
    case "credential":
      draft.credentials.push({ ...requirement.anyOf[0]!, earned: under ? days(asOf, 1) : months(asOf, -60) });
      return;
    case "work": {
      if (requirement.afterEducation && !draft.education.some((e) => e.completed)) {
        draft.education.push({
          id: nextId("edu"),
          level: requirement.afterEducation,
          relatedField: true,
          completed: months(asOf, -12 * 12),
          officialTranscript: true,
        });
      }
      if (requirement.afterCredential) draft.credentials.push({ ...requirement.afterCredential[0]!, earned: months(asOf, -12 * 11) });
      const years = requirement.years ?? 1;
      const span = Math.ceil(years * 365) - (under && requirement.years ? 1 : 0);
      const families = requirement.families ?? 0;
      draft.work.push({
        id: nextId("work"),
        kind: requirement.kinds?.[0] ?? "direct-service",
        start: days(asOf, -span + 1),
        end: asOf,
        paid: true,
        ages: requirement.ages ?? { fromMonths: 0, toMonths: 60 },
        familiesServed: under && !requirement.years ? families - 1 : families,
        relationshipFocused: true,
        withParents: true,
        ...(requirement.supervised ? { supervisor: "A supervisor" } : {}),
      });
      return;
    }
    case "training":
      requirement.buckets.forEach((bucket, index) => {
        const hours = bucket.hours ?? 1;
        draft.training.push({
          id: nextId("train"),
          title: `Course ${counter}`,
          date: months(asOf, -1),
          clockHours: index === 0 ? less(hours, 0.5) : hours,
          topics: bucket.topics ? [bucket.topics[0]!] : [],
          domains: bucket.domains ? [bucket.domains[0]!] : [],
        });
      });
      return;
    case "rsc-received": {
      const hours = requirement.hours ?? 2;
      const about = requirement.onlyAboutProvided ? hours : (requirement.aboutProvidedHours ?? 0);
      const provider = requirement.provider
        ? { name: "Qualified", credentials: [{ ...requirement.provider.anyOf[0]!, earned: months(asOf, -120) }] }
        : { name: "Anyone" };
      const span = requirement.minSpanMonths ?? 1;
      const first = { about, rest: hours - about };
      const sessions = [
        { date: months(asOf, -span), hours: first.about > 0 ? first.about : first.rest / 2, aboutProvidedRsc: first.about > 0 },
        { date: asOf, hours: first.about > 0 ? first.rest : first.rest / 2, aboutProvidedRsc: requirement.onlyAboutProvided },
      ].filter((session) => session.hours > 0);
      sessions.forEach((session, index) => {
        draft.reflectiveSupervision.push({
          id: nextId("rscr"),
          direction: "received",
          format: "individual",
          provider,
          ...session,
          hours: index === 0 ? less(session.hours, 0.5) : session.hours,
        });
      });
      return;
    }
    case "rsc-provided": {
      const wanted = requirement.afterCredential;
      if (wanted && !draft.credentials.some((held) => wanted.some((ref) => ref.category === held.category))) {
        draft.credentials.push({ ...wanted[0]!, earned: months(asOf, -(requirement.maxSpanMonths ?? 60)) });
      }
      // A requirement with no hours of its own (only a span) adds as few hours as it can.
      const hours = requirement.hours || 0.2;
      const reduceSpan = under && !requirement.hours;
      const span = (requirement.minSpanMonths ?? 1) - (reduceSpan ? 1 : 0);
      const recipients = Array.from({ length: Math.max(requirement.minRecipients, 1) }, (_, index) => `Person ${index + 1}`);
      draft.reflectiveSupervision.push(
        {
          id: nextId("rscp"),
          direction: "provided",
          date: months(asOf, -span),
          hours: reduceSpan ? hours / 2 : less(hours / 2, 0.5),
          format: "individual",
          recipients: recipients.slice(0, 1),
          recipientLeader: requirement.toLeader,
        },
        {
          id: nextId("rscp"),
          direction: "provided",
          date: asOf,
          hours: hours / 2,
          format: requirement.bothFormats ? "group" : "individual",
          groupSize: 4,
          recipients: recipients.slice(1),
          recipientLeader: requirement.toLeader,
        },
      );
      return;
    }
    case "activity": {
      const list = requirement.activity === "reading" ? draft.reading : draft.video;
      list.push({ id: nextId(requirement.activity), date: months(asOf, -2), hours: less(requirement.hours ?? 1, 0.5), topics: requirement.topics ?? [] });
      return;
    }
    case "references": {
      const refs: Draft["references"] = requirement.rules
        .filter((rule) => rule.min > 0)
        .flatMap((rule) =>
          Array.from({ length: rule.min }, () => ({
            id: nextId("ref"),
            kind: requirement.referenceKind,
            role: rule.roles?.[0] ?? "other",
            raterCredentials: rule.raterHolds ? [{ ...rule.raterHolds[0]!, earned: months(asOf, -120) }] : [],
            completed: months(asOf, -1),
            notEnoughInformation: requirement.maxNotEnoughInformation ?? 0,
          })),
        );
      while (refs.length < requirement.count) {
        refs.push({ id: nextId("ref"), kind: requirement.referenceKind, role: "other", completed: months(asOf, -1), notEnoughInformation: 0 });
      }
      if (under) refs.pop();
      draft.references.push(...refs);
      return;
    }
    case "attestation":
      if (under && requirement.attestation === "code-of-ethics") draft.attestations.codeOfEthicsSigned = months(asOf, -13);
      if (under && requirement.attestation === "membership") draft.attestations.membershipValidUntil = days(asOf, -1);
      return;
    case "document":
      if (requirement.document === "transcript") {
        if (draft.education.length === 0)
          draft.education.push({ id: nextId("edu"), level: "bachelor", completed: months(asOf, -60), officialTranscript: !under });
        else for (const entry of draft.education) entry.officialTranscript = !under;
        return;
      }
      draft.documents.push({
        id: nextId("doc"),
        type: requirement.document,
        words: requirement.maxWords ? (under ? requirement.maxWords + 1 : requirement.maxWords) : 300,
      });
      return;
    case "observation":
      for (let index = 0; index < (under ? requirement.count - 1 : requirement.count); index++)
        draft.observations.push({ id: nextId("obs"), date: months(asOf, -1) });
      return;
    case "exam":
      for (const part of requirement.parts) {
        const outOf = part.items ?? 10;
        const pass = Math.ceil((outOf * (part.passPercent ?? 50)) / 100);
        draft.exams.push({ id: nextId("exam"), part: part.id, date: months(asOf, -1), score: under && part.passPercent !== null ? pass - 1 : pass, outOf });
      }
      return;
    case "review":
      return;
  }
}

/** A portfolio meeting every requirement of the category in force on `asOf`, with `underId` left just short. */
export function synthesize(category: Category, asOf: string, isInForce: (r: Requirement) => boolean, underId?: string): Portfolio {
  const draft = emptyDraft(asOf);
  for (const requirement of category.requirements.filter(isInForce)) satisfy(draft, requirement, asOf, requirement.id === underId);
  return portfolioSchema.parse(draft);
}

/** A threshold to fall short of: not a judgement, not a figure nobody has set. */
export function hasThreshold(requirement: Requirement): boolean {
  if (requirement.kind === "review") return false;
  if (requirement.kind === "document") return requirement.document === "transcript" || requirement.maxWords !== undefined;
  if (requirement.kind === "exam") return requirement.parts.some((part) => part.passPercent !== null);
  return !hasUnsetFigure(requirement);
}

export function hasUnsetFigure(requirement: Requirement): boolean {
  switch (requirement.kind) {
    case "training":
      return requirement.buckets.some((bucket) => bucket.hours === null);
    case "work":
      return requirement.years === null || requirement.families === null;
    case "rsc-received":
      return requirement.hours === null || requirement.aboutProvidedHours === null;
    case "rsc-provided":
    case "activity":
      return requirement.hours === null;
    case "exam":
      return requirement.parts.some((part) => part.passPercent === null);
    case "any-of":
      return hasUnsetFigure(requirement.options[0]!);
    default:
      return false;
  }
}
