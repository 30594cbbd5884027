import { type Day, toDay } from "../dates.ts";
import type { Category, Framework, Requirement } from "../framework-schema.ts";
import { type CredentialRef, workKinds } from "../portfolio-schema.ts";
import { educationRank } from "../prepare-portfolio.ts";
import { workFlag } from "./compile-portfolio.ts";
import { type ShortPlan, shortPlanOf } from "./summarize-short.ts";
import { vocabulary, wordSet } from "./vocabulary.ts";

type Of<K extends Requirement["kind"]> = Extract<Requirement, { kind: K }>;

/**
 * A training requirement's buckets: filters as word sets, the buckets scored (a figure above
 * zero) with their needs in hundredths of an hour, and what the full report adds up once.
 */
export type TrainingPlan = {
  requirement: Of<"training">;
  factor: number | null;
  withinMonths: number;
  hasUnset: boolean;
  scored: Array<{ domains: Uint8Array | null; topics: Uint8Array | null; needUnits: number }>;
  /** The hours the scored buckets need, summed as the full report sums them. */
  needed: number;
  neededUnits: number;
  /** Whether filling every scored bucket to its hundredths meets its figure (a figure finer than hundredths never is). */
  canBeMet: boolean;
};
export type WorkPlan = {
  requirement: Of<"work">;
  kinds: Uint8Array | null;
  /** The work flags every counted job must have (being paid aside). */
  requiredFlags: number;
  /** Paid work only; `volunteerKind`: the kind of supervised volunteer work that counts as paid (-1: none does). */
  isPaid: boolean;
  volunteerKind: number;
  ages: Of<"work">["ages"] | null;
  /** Only work after a degree of this rank, or after one of these endorsements, counts. */
  afterRank: number | null;
  afterCredential: Uint8Array | null;
};
/** The session rules of RS/C received and provided, normalised: 0 for "no such rule", so hot loops read numbers of one shape. */
type SessionRules = {
  withinMonths: number;
  maxGroupSize: number;
  windowMonths: number;
  minSpanMonths: number;
  hours: number | null;
};
export type ReceivedPlan = SessionRules & {
  requirement: Of<"rsc-received">;
  providers: Uint8Array | null;
  providersFrom: Day;
  acceptVetted: boolean;
  onlyAboutProvided: boolean;
  hasAboutProvided: boolean;
  aboutProvidedHours: number | null;
};
export type ProvidedPlan = SessionRules & {
  requirement: Of<"rsc-provided">;
  afterCredential: Uint8Array | null;
  minRecipients: number;
  bothFormats: boolean;
  toLeader: boolean;
};
export type AnyOfPlan = { requirement: Of<"any-of">; options: InForce[] };
export type Plan =
  TrainingPlan | ReceivedPlan | ProvidedPlan | AnyOfPlan | WorkPlan | { requirement: Requirement; short: ShortPlan } | { requirement: Of<"exam"> };

/** A requirement where a category uses it: in force between two days, judged in `slot`. */
export type InForce = { requirement: Requirement; slot: number; from: Day; until: Day };

/**
 * A framework read once for the summary path. Requirements that judge alike (the same rule,
 * whatever their label or where they appear) share one slot, so a portfolio meets the common
 * "30 hours of training" once for every category that asks for it.
 */
export type CompiledFramework = {
  framework: Framework;
  vocabularySize: number;
  plans: Plan[];
  categories: Array<{ category: Category; header: { id: string; name: Category["name"]; abbreviation: string }; requirements: InForce[] }>;
};

const compiled = new WeakMap<Framework, CompiledFramework>();

/** The framework compiled, once per framework object. */
export function compileFramework(framework: Framework): CompiledFramework {
  let result = compiled.get(framework);
  if (!result) {
    result = compile(framework);
    compiled.set(framework, result);
  }
  return result;
}

function compile(framework: Framework): CompiledFramework {
  const plans: Plan[] = [];
  const slots = new Map<string, number>();
  const place = (requirement: Requirement): InForce => {
    const key = judgingKey(requirement);
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = slots.size;
      slots.set(key, slot);
      // The slot is taken before an any-of's options take theirs.
      plans[slot] = planOf(requirement, framework, place);
    }
    return {
      requirement,
      slot,
      from: requirement.effectiveFrom ? toDay(requirement.effectiveFrom) : Number.NEGATIVE_INFINITY,
      until: requirement.effectiveUntil ? toDay(requirement.effectiveUntil) : Number.POSITIVE_INFINITY,
    };
  };
  const categories = framework.categories.map((category) => ({
    category,
    header: { id: category.id, name: category.name, abbreviation: category.abbreviation },
    requirements: category.requirements.map(place),
  }));
  return { framework, vocabularySize: vocabulary.size(), plans, categories };
}

/** What judges a requirement: everything but its names, where it is published and when it is in force. */
function judgingKey(requirement: Requirement): string {
  const unjudged = new Set(["id", "label", "source", "stage", "effectiveFrom", "effectiveUntil"]);
  // Names, sources and dates in force anywhere inside (an any-of's options keep their dates: they decide when an option counts).
  return JSON.stringify(requirement, function (this: unknown, key: string, value: unknown) {
    const isTop = this === requirement;
    return (isTop && unjudged.has(key)) || (!isTop && (key === "label" || key === "source")) ? undefined : value;
  });
}

/** The rules RS/C received and provided share, normalised (the window is `windowMonths` for one, `maxSpanMonths` for the other). */
function sessionRules(requirement: Of<"rsc-received" | "rsc-provided">, windowMonths: number | undefined): SessionRules {
  return {
    withinMonths: requirement.withinMonths ?? 0,
    maxGroupSize: requirement.maxGroupSize ?? Number.POSITIVE_INFINITY,
    windowMonths: windowMonths ?? 0,
    minSpanMonths: requirement.minSpanMonths ?? 0,
    hours: requirement.hours,
  };
}

const credentialSet = (refs: readonly CredentialRef[]) => wordSet(refs.map((ref) => vocabulary.internCredential(ref.framework, ref.category)));

function planOf(requirement: Requirement, framework: Framework, place: (requirement: Requirement) => InForce): Plan {
  switch (requirement.kind) {
    case "training": {
      const scored = requirement.buckets.filter((bucket) => bucket.hours !== null && bucket.hours > 0);
      return {
        requirement,
        factor: framework.academicCourseHourFactor,
        withinMonths: requirement.withinMonths ?? 0,
        hasUnset: requirement.buckets.some((bucket) => bucket.hours === null),
        scored: scored.map((bucket) => ({
          domains: bucket.domains ? wordSet(bucket.domains.map(vocabulary.internDomain)) : null,
          topics: bucket.topics ? wordSet(bucket.topics.map(vocabulary.internTopic)) : null,
          needUnits: Math.round(bucket.hours! * 100),
        })),
        needed: scored.reduce((sum, bucket) => sum + bucket.hours!, 0),
        neededUnits: scored.reduce((sum, bucket) => sum + Math.round(bucket.hours! * 100), 0),
        canBeMet: scored.every((bucket) => Math.round(bucket.hours! * 100) / 100 >= bucket.hours!),
      };
    }
    case "work":
      return {
        requirement,
        kinds: requirement.kinds ? wordSet(requirement.kinds.map((kind) => workKinds.indexOf(kind))) : null,
        requiredFlags:
          (requirement.relationshipFocused ? workFlag.relationshipFocused : 0) |
          (requirement.withParents ? workFlag.withParents : 0) |
          (requirement.supervised ? workFlag.supervised : 0),
        isPaid: requirement.paid,
        volunteerKind: requirement.acceptSupervisedVolunteer ? workKinds.indexOf("supervised-volunteer") : -1,
        ages: requirement.ages ?? null,
        afterRank: requirement.afterEducation ? educationRank[requirement.afterEducation] : null,
        afterCredential: requirement.afterCredential ? credentialSet(requirement.afterCredential) : null,
      };
    case "rsc-received":
      return {
        ...sessionRules(requirement, requirement.windowMonths),
        requirement,
        providers: requirement.provider ? credentialSet(requirement.provider.anyOf) : null,
        providersFrom: requirement.provider?.from ? toDay(requirement.provider.from) : Number.NEGATIVE_INFINITY,
        acceptVetted: requirement.provider?.acceptVetted === true,
        onlyAboutProvided: requirement.onlyAboutProvided,
        hasAboutProvided: requirement.aboutProvidedHours !== undefined,
        aboutProvidedHours: requirement.aboutProvidedHours ?? null,
      };
    case "rsc-provided":
      return {
        ...sessionRules(requirement, requirement.maxSpanMonths),
        requirement,
        afterCredential: requirement.afterCredential ? credentialSet(requirement.afterCredential) : null,
        minRecipients: requirement.minRecipients,
        bothFormats: requirement.bothFormats,
        toLeader: requirement.toLeader,
      };
    case "any-of":
      return { requirement, options: requirement.options.map(place) };
    case "exam":
      return { requirement };
    default:
      return { requirement, short: shortPlanOf(requirement, credentialSet, (topics) => wordSet(topics.map(vocabulary.internTopic)))! };
  }
}
