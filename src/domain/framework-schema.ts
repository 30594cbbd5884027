import { z } from "zod";
import { educationLevels, referenceRoles } from "./portfolio-codes.ts";
import { ageRange, credentialRef, workKinds } from "./portfolio-schema.ts";

/**
 * A competency framework as data: domains, categories and their requirements, renewal rules.
 * Every rule names its `source`. A figure no source confirms is `null`: shown as "set by the
 * association", never invented, and a requirement with such a figure always needs review.
 */
const date = z.iso.date("must be a date written YYYY-MM-DD");
const text = z.object({ en: z.string().min(1), es: z.string().min(1) });
const figure = z.number().min(0).nullable();

const base = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: text,
  source: z.string().min(3).describe("where the rule is published"),
  effectiveFrom: date.optional(),
  effectiveUntil: date.optional(),
  /** "after-review" requirements (the exam) are not expected before an application is reviewed. */
  stage: z.enum(["application", "after-review"]).default("application"),
};

const educationRequirement = z.object({
  ...base,
  kind: z.literal("education"),
  minLevel: z.enum(educationLevels),
  relatedField: z.boolean().default(false),
});

const licenceRequirement = z.object({ ...base, kind: z.literal("licence") });

const credentialRequirement = z.object({ ...base, kind: z.literal("credential"), anyOf: z.array(credentialRef).min(1) });

const workRequirement = z.object({
  ...base,
  kind: z.literal("work"),
  years: figure.default(0),
  families: figure.default(0),
  paid: z.boolean().default(false),
  kinds: z.array(z.enum(workKinds)).optional(),
  ages: ageRange.optional(),
  relationshipFocused: z.boolean().default(false),
  withParents: z.boolean().default(false),
  supervised: z.boolean().default(false).describe("only work with a supervisor named on the entry counts"),
  acceptSupervisedVolunteer: z
    .boolean()
    .default(false)
    .describe("with paid: unpaid supervised volunteer work (CASA, doula, child life) counts too, when it names its supervisor"),
  afterEducation: z.enum(educationLevels).optional().describe("only work after completing this level counts (post-graduate)"),
  afterCredential: z.array(credentialRef).optional().describe("only work after earning one of these counts"),
});

const hourBucket = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: text,
  hours: figure,
  domains: z.array(z.string()).optional().describe("an entry counts if it lists one of these domains"),
  topics: z.array(z.string()).optional().describe("an entry counts if it has one of these topics"),
});

const trainingRequirement = z.object({
  ...base,
  kind: z.literal("training"),
  buckets: z.array(hourBucket).min(1),
  withinMonths: z.number().int().positive().optional(),
});

const providerRule = z.object({
  anyOf: z.array(credentialRef).min(1),
  acceptVetted: z.boolean().default(false),
  from: date.optional().describe("sessions before this date need no qualified provider"),
});

const sessionWindow = z
  .number()
  .int()
  .positive()
  .optional()
  .describe("the counted sessions, first to last, lie within this many months: the best such window ending on or before the date counts");
const recency = z
  .number()
  .int()
  .positive()
  .optional()
  .describe("recency, only where the rules ask for it: only sessions in this many months before the date can count");

const rscReceivedRequirement = z.object({
  ...base,
  kind: z.literal("rsc-received"),
  hours: figure,
  windowMonths: sessionWindow,
  withinMonths: recency,
  minSpanMonths: z.number().int().min(0).optional().describe("the counted sessions must spread over at least this long, inside the same window"),
  maxGroupSize: z.number().int().positive().optional(),
  provider: providerRule.optional(),
  aboutProvidedHours: figure.optional().describe("of which at least this many about the RS/C the person provides"),
  onlyAboutProvided: z.boolean().default(false),
});

const rscProvidedRequirement = z.object({
  ...base,
  kind: z.literal("rsc-provided"),
  hours: figure,
  minRecipients: z.number().int().min(0).default(0),
  minSpanMonths: z.number().int().min(0).optional().describe("the counted sessions must spread over at least this long, inside the same window"),
  maxSpanMonths: sessionWindow,
  withinMonths: recency,
  bothFormats: z.boolean().default(false),
  maxGroupSize: z.number().int().positive().optional(),
  afterCredential: z.array(credentialRef).optional(),
  toLeader: z.boolean().default(false).describe("count only sessions provided to someone in a leadership role"),
});

const activityRequirement = z.object({
  ...base,
  kind: z.literal("activity"),
  activity: z.enum(["reading", "video"]),
  hours: figure,
  topics: z.array(z.string()).optional(),
});

const referenceRule = z.object({
  min: z.number().int().min(0).default(0),
  max: z.number().int().min(0).optional(),
  roles: z.array(z.enum(referenceRoles)).optional(),
  raterHolds: z.array(credentialRef).optional().describe("the rater holds one of these (or is vetted, if acceptVetted)"),
  acceptVetted: z.boolean().default(false),
  label: text,
});

const referencesRequirement = z.object({
  ...base,
  kind: z.literal("references"),
  referenceKind: z.enum(["rating", "letter", "verification"]),
  count: z.number().int().min(0),
  rules: z.array(referenceRule).default([]),
  maxNotEnoughInformation: z.number().int().min(0).optional().describe("a rating with more such answers does not count"),
  validMonths: z.number().int().positive().optional().describe("a reference completed longer ago than this before the date does not count (expired)"),
});

const attestationRequirement = z.object({ ...base, kind: z.literal("attestation"), attestation: z.enum(["code-of-ethics", "membership"]) });

const documentRequirement = z.object({
  ...base,
  kind: z.literal("document"),
  document: z.enum(["personal-statement", "learning-narrative", "resume", "reflection", "session-video", "transcript"]),
  maxWords: z.number().int().positive().optional(),
  officialTranscript: z.boolean().default(false),
});

const observationRequirement = z.object({ ...base, kind: z.literal("observation"), count: z.number().int().min(1) });

const examRequirement = z.object({
  ...base,
  kind: z.literal("exam"),
  parts: z.array(z.object({ id: z.string(), label: text, items: z.number().int().positive().optional(), passPercent: z.number().min(0).max(100).nullable() })),
  /** Months after a "not yet" before the examinee may sit again; null where no source gives one (the association sets it). */
  retakeAfterMonths: figure.default(null),
});

const reviewRequirement = z.object({ ...base, kind: z.literal("review") });

type RequirementShape =
  | z.infer<typeof educationRequirement>
  | z.infer<typeof licenceRequirement>
  | z.infer<typeof credentialRequirement>
  | z.infer<typeof workRequirement>
  | z.infer<typeof trainingRequirement>
  | z.infer<typeof rscReceivedRequirement>
  | z.infer<typeof rscProvidedRequirement>
  | z.infer<typeof activityRequirement>
  | z.infer<typeof referencesRequirement>
  | z.infer<typeof attestationRequirement>
  | z.infer<typeof documentRequirement>
  | z.infer<typeof observationRequirement>
  | z.infer<typeof examRequirement>
  | z.infer<typeof reviewRequirement>
  | (Omit<z.infer<z.ZodObject<typeof base>>, never> & { kind: "any-of"; options: RequirementShape[] });

export const requirementSchema: z.ZodType<RequirementShape, unknown> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    educationRequirement,
    licenceRequirement,
    credentialRequirement,
    workRequirement,
    trainingRequirement,
    rscReceivedRequirement,
    rscProvidedRequirement,
    activityRequirement,
    referencesRequirement,
    attestationRequirement,
    documentRequirement,
    observationRequirement,
    examRequirement,
    reviewRequirement,
    z.object({ ...base, kind: z.literal("any-of"), options: z.array(requirementSchema).min(2) }),
  ]),
);

const renewalRules = z.object({
  source: z.string().min(3),
  periodMonths: z.number().int().positive(),
  trainingHours: figure,
  deiHours: figure.default(0),
  rscTopicHoursForProviders: figure.default(0),
  rscReceivedHours: figure.default(0),
  rscReceivedEndsAfterYears: z.number().int().positive().optional(),
  firstPeriodExempt: z.boolean().default(false),
  reviewerCreditMaxHours: figure.default(0),
});

export const categorySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: text,
  abbreviation: z.string().min(1).max(20),
  track: z.string().optional(),
  ages: ageRange.optional(),
  description: text.optional(),
  statuses: z.array(z.enum(["emerging", "approved-for-exam", "candidate"])).default([]),
  candidateStatusYears: z.number().int().positive().optional(),
  requirements: z.array(requirementSchema).min(1),
  renewal: renewalRules.optional(),
  source: z.string().min(3),
});

export const frameworkSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: text,
  shortName: z.string().min(1).max(40).describe("how people usually call it, e.g. Alliance"),
  publisher: z.string(),
  version: z.string(),
  effectiveFrom: date,
  academicCourseHourFactor: z.number().positive().nullable().describe("clock hours per academic course hour; null when no source gives one"),
  domains: z.array(
    z.object({
      id: z.string(),
      name: text,
      description: text.optional().describe("what the domain covers, in a sentence a rater reads (ours where the source's own wording is licensed)"),
      categories: z
        .array(z.string())
        .optional()
        .describe("only these categories' competencies include the domain (Administration: the mentors); absent: every category"),
      keyConcepts: z.array(text).default([]),
      source: z.string().min(3),
    }),
  ),
  categories: z.array(categorySchema).min(1),
  notes: z.array(text).default([]),
});

export type Framework = z.output<typeof frameworkSchema>;
export type Category = z.output<typeof categorySchema>;
export type Requirement = RequirementShape;
export type RequirementKind = Requirement["kind"];
export type Text = z.output<typeof text>;
