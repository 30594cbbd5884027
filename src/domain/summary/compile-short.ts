import { toDay } from "../dates.ts";
import { referenceRoles } from "../portfolio-codes.ts";
import type { HeldCredential, Portfolio } from "../portfolio-schema.ts";
import { educationRank } from "../prepare-portfolio.ts";
import { vocabulary } from "./vocabulary.ts";

/**
 * The short sections (a handful of entries each) read once for the summary path: small objects
 * of one shape each, numbers instead of dates and words, so judging them touches no string.
 * Lists that the full report reads in id order (references, where a role limit keeps the first)
 * keep that order.
 */
export type CompiledShort = {
  education: Array<{ rank: number; completed: number; isRelated: boolean; hasOfficialTranscript: boolean }>;
  licences: Array<{ issued: number; expires: number }>;
  credentials: HeldWords;
  references: Array<{
    kind: "rating" | "letter" | "verification";
    completed: number;
    notEnoughInformation: number;
    role: number;
    isVetted: boolean;
    raterCredentials: HeldWords;
  }>;
  documents: Array<{ type: Portfolio["documents"][number]["type"]; words: number }>;
  observations: number[];
  reading: Activities;
  video: Activities;
  /** The latest day any membership runs to (declared or listed); -Infinity when none. */
  membershipUntil: number;
  codeOfEthicsSigned: number;
};

/** Endorsements as vocabulary words with their days (-1: a category no framework names). */
export type HeldWords = Array<{ word: number; earned: number; expires: number; isInForce: boolean; isRevoked: boolean }>;
export type Activities = Array<{ day: number; hours: number; topics: number[] }>;

const byId = <T extends { id: string }>(entries: readonly T[]) => [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const dayOr = (date: string | undefined, none: number) => (date ? toDay(date) : none);

function heldWords(held: readonly HeldCredential[]): HeldWords {
  return held.map((credential) => ({
    word: vocabulary.credential(credential.framework, credential.category),
    earned: toDay(credential.earned),
    expires: dayOr(credential.expires, Number.POSITIVE_INFINITY),
    isInForce: credential.status === "active" || credential.status === "emerging",
    isRevoked: credential.status === "revoked",
  }));
}

function activities(entries: Portfolio["reading"]): Activities {
  return byId(entries).map((entry) => ({
    day: toDay(entry.date),
    hours: entry.hours,
    topics: entry.topics.map(vocabulary.topic).filter((word) => word >= 0),
  }));
}

export function compileShort(portfolio: Portfolio): CompiledShort {
  const listed = portfolio.memberships.map((membership) => toDay(membership.validUntil));
  const declared = dayOr(portfolio.attestations.membershipValidUntil, Number.NEGATIVE_INFINITY);
  return {
    education: portfolio.education.map((entry) => ({
      rank: educationRank[entry.level],
      completed: dayOr(entry.completed, Number.NaN),
      isRelated: entry.relatedField,
      hasOfficialTranscript: entry.officialTranscript,
    })),
    licences: portfolio.licences.map((licence) => ({
      issued: dayOr(licence.issued, Number.NEGATIVE_INFINITY),
      expires: dayOr(licence.expires, Number.POSITIVE_INFINITY),
    })),
    credentials: heldWords(portfolio.credentials),
    references: byId(portfolio.references).map((reference) => ({
      kind: reference.kind,
      completed: dayOr(reference.completed, Number.NaN),
      notEnoughInformation: reference.notEnoughInformation,
      role: referenceRoles.indexOf(reference.role),
      isVetted: reference.raterVetted,
      raterCredentials: heldWords(reference.raterCredentials),
    })),
    documents: portfolio.documents.map((document) => ({ type: document.type, words: document.words ?? 0 })),
    observations: portfolio.observations.map((observation) => toDay(observation.date)),
    reading: activities(portfolio.reading),
    video: activities(portfolio.video),
    membershipUntil: Math.max(declared, ...listed),
    codeOfEthicsSigned: dayOr(portfolio.attestations.codeOfEthicsSigned, Number.NaN),
  };
}

/** As `holdsOn`: one of the endorsements is in `wanted` and in force on `day`. */
export function holdsWordOn(held: HeldWords, wanted: Uint8Array, day: number): boolean {
  for (const credential of held) {
    if (credential.isInForce && wanted[credential.word] === 1 && credential.earned <= day && credential.expires >= day) return true;
  }
  return false;
}

/** As `earnedOn`: the first day one of `wanted` was earned (revoked ones left out), or null. */
export function earnedWordOn(held: HeldWords, wanted: Uint8Array): number | null {
  let first: number | null = null;
  for (const credential of held) {
    if (!credential.isRevoked && wanted[credential.word] === 1 && (first === null || credential.earned < first)) first = credential.earned;
  }
  return first;
}
