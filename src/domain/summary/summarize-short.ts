import { addMonths, type Day } from "../dates.ts";
import type { Requirement } from "../framework-schema.ts";
import { referenceRoles } from "../portfolio-codes.ts";
import { educationRank } from "../prepare-portfolio.ts";
import { round, Tally } from "../report.ts";
import { type CompiledShort, holdsWordOn } from "./compile-short.ts";
import type { Judged } from "./summarize-training.ts";
import { inWordSet, wordSet } from "./vocabulary.ts";

type Of<K extends Requirement["kind"]> = Extract<Requirement, { kind: K }>;

/** The short kinds' compiled rules: word sets for the endorsements, roles and topics they name. */
export type ShortPlan =
  | { kind: "education"; minRank: number; relatedField: boolean }
  | { kind: "licence" }
  | { kind: "credential"; wanted: Uint8Array }
  | { kind: "attestation"; attestation: Of<"attestation">["attestation"] }
  | { kind: "document"; requirement: Of<"document">; maxWords: number }
  | { kind: "observation"; count: number }
  | { kind: "activity"; reading: boolean; topics: Uint8Array | null; hours: number | null }
  | { kind: "references"; requirement: Of<"references">; rules: ReferenceRule[]; maxNotEnoughInformation: number }
  | { kind: "review" };

type ReferenceRule = { min: number; max: number; roles: Uint8Array | null; raterHolds: Uint8Array | null; acceptVetted: boolean };

export function shortPlanOf(
  requirement: Requirement,
  credentialSet: (refs: Of<"credential">["anyOf"]) => Uint8Array,
  topicSet: (topics: string[]) => Uint8Array,
): ShortPlan | null {
  switch (requirement.kind) {
    case "education":
      return { kind: "education", minRank: educationRank[requirement.minLevel], relatedField: requirement.relatedField };
    case "licence":
      return { kind: "licence" };
    case "credential":
      return { kind: "credential", wanted: credentialSet(requirement.anyOf) };
    case "attestation":
      return { kind: "attestation", attestation: requirement.attestation };
    case "document":
      return { kind: "document", requirement, maxWords: requirement.maxWords ?? Number.POSITIVE_INFINITY };
    case "observation":
      return { kind: "observation", count: requirement.count };
    case "activity":
      return {
        kind: "activity",
        reading: requirement.activity === "reading",
        topics: requirement.topics ? topicSet(requirement.topics) : null,
        hours: requirement.hours,
      };
    case "references":
      return {
        kind: "references",
        requirement,
        maxNotEnoughInformation: requirement.maxNotEnoughInformation ?? Number.POSITIVE_INFINITY,
        rules: requirement.rules.map((rule) => ({
          min: rule.min,
          max: rule.max ?? Number.POSITIVE_INFINITY,
          roles: rule.roles ? wordSet(rule.roles.map((role) => referenceRoles.indexOf(role))) : null,
          raterHolds: rule.raterHolds ? credentialSet(rule.raterHolds) : null,
          acceptVetted: rule.acceptVetted,
        })),
      };
    case "review":
      return { kind: "review" };
    default:
      return null;
  }
}

const tally = new Tally();
const met: Judged = { status: "met", progress: 1 };
const unmet: Judged = { status: "unmet", progress: 0 };
const waitsForReview: Judged = { status: "needs-review", progress: 1 };
const yesOrNo = (isMet: boolean) => (isMet ? met : unmet);

/** The short kinds, as their full evaluators judge them (`education-and-credentials.ts`, `documents-and-attestations.ts`, `references.ts`). */
export function summarizeShort(plan: ShortPlan, short: CompiledShort, asOf: Day): Judged {
  switch (plan.kind) {
    case "education":
      return yesOrNo(short.education.some((entry) => entry.completed <= asOf && entry.rank >= plan.minRank && (!plan.relatedField || entry.isRelated)));
    case "licence":
      return yesOrNo(short.licences.some((licence) => licence.issued <= asOf && licence.expires >= asOf));
    case "credential":
      return yesOrNo(holdsWordOn(short.credentials, plan.wanted, asOf));
    case "attestation":
      return plan.attestation === "code-of-ethics"
        ? yesOrNo(short.codeOfEthicsSigned <= asOf && short.codeOfEthicsSigned > addMonths(asOf, -12))
        : yesOrNo(short.membershipUntil >= asOf);
    case "document":
      if (plan.requirement.document === "transcript") return yesOrNo(short.education.some((entry) => entry.hasOfficialTranscript));
      return short.documents.some((document) => document.type === plan.requirement.document && document.words <= plan.maxWords) ? waitsForReview : unmet;
    case "observation": {
      let count = 0;
      for (const day of short.observations) if (day <= asOf) count++;
      return judged(tally.reset().add(count, plan.count));
    }
    case "activity": {
      let hours = 0;
      for (const entry of plan.reading ? short.reading : short.video) {
        if (entry.day <= asOf && (plan.topics === null || entry.topics.some((topic) => inWordSet(plan.topics!, topic)))) hours += entry.hours;
      }
      return judged(tally.reset().add(round(hours), plan.hours));
    }
    case "references":
      return summarizeReferences(plan, short, asOf);
    case "review":
      return waitsForReview;
  }
}

const judged = (from: Tally): Judged => ({ status: from.status, progress: from.progress });

/** As `evaluateReferences`: the valid ones (answered by the date, not expired, not void), role limits keeping the first in id order, then each rule's minimum. */
function summarizeReferences(plan: Extract<ShortPlan, { kind: "references" }>, short: CompiledShort, asOf: Day): Judged {
  const { requirement, rules } = plan;
  const valid: CompiledShort["references"] = [];
  for (const reference of short.references) {
    if (reference.kind !== requirement.referenceKind || !(reference.completed <= asOf)) continue;
    if (requirement.validMonths !== undefined && addMonths(reference.completed, requirement.validMonths) < asOf) continue;
    if (reference.notEnoughInformation > plan.maxNotEnoughInformation) continue;
    valid.push(reference);
  }
  const matches = (rule: ReferenceRule, reference: CompiledShort["references"][number]) =>
    (rule.roles === null || inWordSet(rule.roles, reference.role)) &&
    (rule.raterHolds === null || holdsWordOn(reference.raterCredentials, rule.raterHolds, asOf) || (rule.acceptVetted && reference.isVetted));
  let kept = valid;
  for (const rule of rules) {
    if (rule.max === Number.POSITIVE_INFINITY) continue;
    let seen = 0;
    kept = kept.filter((reference) => !matches(rule, reference) || ++seen <= rule.max);
  }
  tally.reset().add(kept.length, requirement.count);
  for (const rule of rules) {
    if (rule.min > 0) tally.add(kept.filter((reference) => matches(rule, reference)).length, rule.min);
  }
  return judged(tally);
}
