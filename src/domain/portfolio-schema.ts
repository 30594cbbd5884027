import { z } from "zod";

/**
 * The portable portfolio: what a person has done, in a form that travels between associations
 * and between Cradle and other tools. docs/portfolio.schema.json is generated from this file.
 */
const date = z.iso.date("must be a date written YYYY-MM-DD");
const id = z.string().min(1).max(100);
const hours = z.number().min(0).max(10_000);

export const educationLevels = ["high-school", "cda", "associate", "bachelor", "master", "doctorate"] as const;
export const ageRange = z
  .object({ fromMonths: z.number().int().min(-9).max(216), toMonths: z.number().int().min(0).max(216) })
  .refine((range) => range.fromMonths <= range.toMonths, "fromMonths must not be after toMonths")
  .describe("Ages of the children served, in months; -9 means from pregnancy (prenatal).");

export const credentialRef = z.object({
  framework: id.describe("framework id, e.g. alliance-iecmh-e"),
  category: id.describe("category id, e.g. imhs"),
});

export const heldCredential = credentialRef.extend({
  earned: date,
  expires: date.optional(),
  status: z.enum(["active", "emerging", "lapsed", "suspended", "revoked"]).default("active"),
});

export const workKinds = [
  "direct-service",
  "prevention",
  "early-intervention",
  "treatment",
  "rsc-provision",
  "leadership",
  "policy",
  "program-administration",
  "teaching",
  "research",
  "supervised-volunteer",
  "other",
] as const;

export const referenceRoles = [
  "current-supervisor",
  "supervisor",
  "rsc-provider",
  "teacher",
  "cda-mentor",
  "instructor",
  "mentor",
  "colleague",
  "parent",
  "supervisee",
  "rsc-recipient",
  "other",
] as const;

const education = z.object({
  id,
  level: z.enum(educationLevels),
  field: z.string().max(200).optional(),
  relatedField: z.boolean().default(true).describe("in a field related to infant and early childhood development or mental health"),
  institution: z.string().max(200).optional(),
  completed: date.optional().describe("missing while still studying"),
  officialTranscript: z.boolean().default(false).describe("the association has received the official transcript"),
});

const licence = z.object({
  id,
  type: z.string().min(1).max(100).describe("e.g. LCSW, LMFT, RN"),
  issuer: z.string().max(200).optional(),
  issued: date.optional(),
  expires: date.optional(),
});

const work = z.object({
  id,
  role: z.string().max(200).optional(),
  employer: z.string().max(200).optional(),
  kind: z.enum(workKinds).default("direct-service"),
  start: date,
  end: date.optional().describe("missing while the job goes on"),
  hoursPerWeek: z.number().min(0).max(100).optional(),
  paid: z.boolean().default(true),
  ages: ageRange.optional(),
  familiesServed: z.number().int().min(0).max(100_000).default(0),
  relationshipFocused: z.boolean().default(false),
  withParents: z.boolean().default(false).describe("work with the young child and the parent together"),
  discipline: z.string().max(100).optional(),
  supervisor: z.string().max(200).optional().describe("who supervised the work: the person asked to confirm it"),
  verified: z.boolean().default(false),
});

const training = z.object({
  id,
  title: z.string().min(1).max(300),
  provider: z.string().max(200).optional(),
  date,
  clockHours: hours.optional(),
  academicCourseHours: hours.optional().describe("for academic courses: converted by the framework's factor"),
  domains: z.array(z.string().min(1).max(40)).default([]).describe("knowledge domains the hours may count toward; each hour counts once"),
  topics: z.array(z.string().min(1).max(40)).default([]).describe("e.g. dei, rsc, reflective-facilitation"),
  program: z.string().max(200).optional().describe("the training program that credited the hours"),
  verified: z.boolean().default(false),
}).refine((entry) => entry.clockHours !== undefined || entry.academicCourseHours !== undefined, "give clockHours or academicCourseHours");

const rscProvider = z.object({
  name: z.string().max(200).optional(),
  credentials: z.array(heldCredential).default([]).describe("the provider's endorsements, to check their qualification on the session's date"),
  isPeer: z.boolean().default(false).describe("peer supervision never counts"),
  vetted: z.boolean().default(false).describe("accepted by the association as a qualified provider"),
});

const rsc = z.object({
  id,
  direction: z.enum(["received", "provided"]),
  date,
  hours: hours.refine((value) => value > 0, "must be more than 0"),
  format: z.enum(["individual", "group"]),
  groupSize: z.number().int().min(1).max(200).optional(),
  provider: rscProvider.optional().describe("for received sessions"),
  recipients: z.array(z.string().max(200)).default([]).describe("for provided sessions: who received it (names or ids)"),
  recipientLeader: z.boolean().default(false).describe("provided to someone in a leadership role building reflective skills"),
  aboutProvidedRsc: z.boolean().default(false).describe("received supervision about the RS/C the person provides"),
  verified: z.boolean().default(false),
});

const activity = z.object({ id, title: z.string().max(300).optional(), date, hours, topics: z.array(z.string().max(40)).default([]) });

const reference = z.object({
  id,
  kind: z.enum(["rating", "letter", "verification"]).default("rating"),
  raterName: z.string().max(200).optional(),
  role: z.enum(referenceRoles),
  raterCredentials: z.array(heldCredential).default([]),
  raterVetted: z.boolean().default(false),
  completed: date.optional().describe("missing until the rater has answered"),
  notEnoughInformation: z.number().int().min(0).max(1000).default(0).describe("how many items the rater could not rate"),
});

const document = z.object({
  id,
  type: z.enum(["personal-statement", "learning-narrative", "resume", "reflection", "session-video", "transcript", "certificate", "other"]),
  words: z.number().int().min(0).optional(),
  text: z.string().max(30_000).optional().describe("a statement written in Cradle rather than uploaded"),
  about: z.string().max(100).optional().describe("the id of the entry it supports: a training's certificate, a degree's transcript"),
  date: date.optional(),
});

const membership = z.object({
  id,
  organization: z.string().min(1).max(200).describe("the association the person is a member of"),
  memberId: z.string().max(100).optional(),
  validUntil: date,
});

const exam = z.object({ id, part: z.string().min(1).max(40), date, score: z.number().min(0), outOf: z.number().positive() });

/** The schema of one entry of each list, for forms that edit a single entry. */
export const entrySchemas = { education, licence, work, training, rsc, activity, reference, document, membership } as const;

export const portfolioSchema = z.object({
  format: z.literal("cradle-portfolio").default("cradle-portfolio"),
  version: z.literal(1).default(1),
  person: z.object({ name: z.string().max(200).optional(), email: z.string().max(254).optional() }).default({}),
  education: z.array(education).default([]),
  licences: z.array(licence).default([]),
  credentials: z.array(heldCredential).default([]).describe("endorsements the person holds"),
  work: z.array(work).default([]),
  training: z.array(training).default([]),
  reflectiveSupervision: z.array(rsc).default([]),
  reading: z.array(activity).default([]),
  video: z.array(activity).default([]),
  references: z.array(reference).default([]),
  documents: z.array(document).default([]),
  observations: z.array(z.object({ id, date, observer: z.string().max(200).optional(), recorded: z.boolean().default(false) })).default([]),
  exams: z.array(exam).default([]),
  memberships: z.array(membership).default([]).describe("memberships of infant mental health associations, with the date each runs to"),
  attestations: z
    .object({
      codeOfEthicsSigned: date.optional(),
      membershipValidUntil: date.optional().describe("kept for older files; memberships lists them one by one"),
      providesRsc: z.boolean().default(false),
    })
    .default({ providesRsc: false }),
  reviewerHours: z.array(z.object({ id, date, hours, role: z.enum(["application-advisor", "application-reviewer", "exam-reviewer"]) })).default([]),
});

/** Every entry's id is unique in the portfolio, so reports can name entries unambiguously. */
export const uniqueIdsPortfolioSchema = portfolioSchema.superRefine((portfolio, context) => {
  const seen = new Set<string>();
  const lists = ["education", "licences", "work", "training", "reflectiveSupervision", "reading", "video", "references", "documents", "observations", "exams", "memberships", "reviewerHours"] as const;
  for (const list of lists) {
    portfolio[list].forEach((entry, index) => {
      if (seen.has(entry.id)) context.addIssue({ code: "custom", path: [list, index, "id"], message: `the id "${entry.id}" is used twice` });
      seen.add(entry.id);
    });
  }
});

export type Portfolio = z.output<typeof portfolioSchema>;
export type PortfolioInput = z.input<typeof portfolioSchema>;
export type EducationLevel = (typeof educationLevels)[number];
export type AgeRange = z.output<typeof ageRange>;
export type CredentialRef = z.output<typeof credentialRef>;
export type HeldCredential = z.output<typeof heldCredential>;
