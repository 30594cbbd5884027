import { z } from "zod";
import { isIsoDate } from "./dates.ts";
import { educationLevels, referenceRoles } from "./portfolio-codes.ts";
import { field, labelled } from "./entry-fields.ts";

/**
 * The portable portfolio: what a person has done, in a form that travels between associations
 * and between Cradle and other tools. docs/portfolio.schema.json is generated from this file.
 */
const date = z.iso.date("must be a date written YYYY-MM-DD");
const id = z.string().min(1).max(100);
const hours = z.number().min(0).max(10_000);
const families = z.number().int().min(0).max(100_000);

export const ageRange = z
  .object({ fromMonths: z.number().int().min(-9).max(216), toMonths: z.number().int().min(0).max(216) })
  .refine((range) => range.fromMonths <= range.toMonths, "fromMonths must not be after toMonths")
  .describe("Ages of the children served, in months; -9 means from pregnancy (prenatal).");

/** The age ranges a person picks from when recording work. */
const ageBands = {
  "prenatal-36": { fromMonths: -9, toMonths: 36 },
  "0-36": { fromMonths: 0, toMonths: 36 },
  // 3 up to 6 years: month 36 belongs to the infant band (0-36), so the bands meet without overlapping.
  "36-71": { fromMonths: 37, toMonths: 71 },
  "0-60": { fromMonths: 0, toMonths: 60 },
  "0-71": { fromMonths: 0, toMonths: 71 },
} as const;
const ageBandLabels = {
  "": "portfolio.ages.unknown",
  "prenatal-36": "portfolio.ages.prenatal36",
  "0-36": "portfolio.ages.0-36",
  "36-71": "portfolio.ages.36-71",
  "0-60": "portfolio.ages.0-60",
  "0-71": "portfolio.ages.0-71",
};
const topicLabels = { dei: "topic.dei", rsc: "topic.rsc", "reflective-facilitation": "topic.reflectiveFacilitation" };

export const credentialRef = z.object({
  framework: id.describe("framework id, e.g. alliance-iecmh-e"),
  category: id.describe("category id, e.g. imhs"),
});

export const heldCredential = credentialRef.extend({
  earned: date,
  expires: date.optional().describe("not before earned"),
  status: z.enum(["active", "emerging", "lapsed", "suspended", "revoked"]).default("active"),
});

/*
 * Date ranges: an end, when given, is not before its start (ending the day it starts is fine).
 * They are rules of the portable format, checked on each entry a person saves or imports and on a
 * file; a stored portfolio is read without them (storedPortfolioSchema), so an entry kept before
 * they were checked still opens, and is checked when it is next saved.
 */
const inOrder = (start: unknown, end: unknown) => typeof start !== "string" || typeof end !== "string" || !isIsoDate(start) || !isIsoDate(end) || start <= end;
const fieldsOf = (value: unknown) => (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;

/** The entry with its range checked; the issue is at the end, where a form shows it. */
function withRange<Entry extends z.ZodObject>(entry: Entry, start: string, end: string): Entry {
  return entry.refine((value) => inOrder(fieldsOf(value)[start], fieldsOf(value)[end]), {
    path: [end],
    message: `${end} must not be before ${start}`,
    // Also when another field is wrong, so a form shows every error at once; a mistyped date is its own error.
    when: () => true,
  });
}

/** Each credential of a list that is in `at` (a path into the entry) with its range checked. */
function withCredentialRanges<Entry extends z.ZodObject>(entry: Entry, at: readonly string[]): Entry {
  return entry.superRefine((value, context) => {
    const credentials = at.reduce<unknown>((node, key) => fieldsOf(node)[key], value);
    if (!Array.isArray(credentials)) return;
    credentials.forEach((credential, index) => {
      if (!inOrder(fieldsOf(credential).earned, fieldsOf(credential).expires))
        context.addIssue({ code: "custom", path: [...at, index, "expires"], message: "expires must not be before earned" });
    });
  });
}

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

const education = z.object({
  id,
  level: field(z.enum(educationLevels), {
    kind: "select",
    label: "portfolio.level",
    options: labelled(["cda", "associate", "bachelor", "master", "doctorate", "high-school"], "level."),
  }),
  field: field(z.string().max(200).optional(), { kind: "text", label: "portfolio.field" }),
  institution: field(z.string().max(200).optional(), { kind: "text", label: "portfolio.institution" }),
  completed: field(date.optional().describe("missing while still studying"), { kind: "date", label: "portfolio.completed", hint: "portfolio.completedHint" }),
  relatedField: field(z.boolean().default(true).describe("in a field related to infant and early childhood development or mental health"), {
    kind: "checkbox",
    label: "portfolio.relatedField",
  }),
  officialTranscript: z.boolean().default(false).describe("the association has received the official transcript"),
});

const licence = z.object({
  id,
  type: field(z.string().min(1).max(100).describe("e.g. LCSW, LMFT, RN"), { kind: "text", label: "portfolio.licenceType", hint: "portfolio.licenceTypeHint" }),
  issuer: field(z.string().max(200).optional(), { kind: "text", label: "portfolio.issuer" }),
  issued: field(date.optional(), { kind: "date", label: "portfolio.issued" }),
  expires: field(date.optional().describe("not before issued"), { kind: "date", label: "portfolio.expires", entryRule: "error.expiresBeforeIssued" }),
});

const work = z.object({
  id,
  role: field(z.string().max(200).optional(), { kind: "text", label: "portfolio.role", autoComplete: "organization-title" }),
  employer: field(z.string().max(200).optional(), { kind: "text", label: "portfolio.employer", autoComplete: "organization" }),
  kind: field(z.enum(workKinds).default("direct-service"), { kind: "select", label: "portfolio.kind", options: labelled(workKinds, "workKind.") }),
  start: field(date, { kind: "date", label: "portfolio.start" }),
  end: field(date.optional().describe("missing while the job goes on; not before start"), {
    kind: "date",
    label: "portfolio.end",
    hint: "portfolio.endHint",
    entryRule: "error.endBeforeStart",
  }),
  hoursPerWeek: field(z.number().min(0).max(100).optional(), { kind: "number", label: "portfolio.hoursPerWeek" }),
  ages: field(ageRange.optional(), { kind: "select", label: "portfolio.ages", options: ageBandLabels, values: ageBands }),
  familiesServed: field(z.number().int().min(0).max(100_000).default(0), { kind: "number", label: "portfolio.familiesServed", inputMode: "numeric" }),
  familiesByBand: z
    .object({
      infant: field(families.optional().describe("families with infants and toddlers: children up to 36 months, pregnancy included"), {
        kind: "number",
        label: "portfolio.familiesInfant",
        hint: "portfolio.familiesByBandHint",
        name: "familiesInfant",
        inputMode: "numeric",
      }),
      earlyChildhood: field(families.optional().describe("families with children of 3 up to 6 years (37-71 months)"), {
        kind: "number",
        label: "portfolio.familiesEarlyChildhood",
        name: "familiesEarlyChildhood",
        inputMode: "numeric",
      }),
    })
    .optional()
    .describe("how many of the families served were in each age band, where the entry says so; otherwise each band counts its share of familiesServed"),
  paid: field(z.boolean().default(true), { kind: "checkbox", label: "portfolio.paid" }),
  relationshipFocused: field(z.boolean().default(false), { kind: "checkbox", label: "portfolio.relationshipFocused" }),
  withParents: field(z.boolean().default(false).describe("work with the young child and the parent together"), {
    kind: "checkbox",
    label: "portfolio.withParents",
  }),
  discipline: z.string().max(100).optional(),
  supervisor: field(z.string().max(200).optional().describe("who supervised the work: the person asked to confirm it"), {
    kind: "text",
    label: "portfolio.supervisor",
    hint: "portfolio.supervisorHint",
  }),
  verified: z.boolean().default(false),
});

const training = z
  .object({
    id,
    title: field(z.string().min(1).max(300), { kind: "text", label: "portfolio.title" }),
    provider: field(z.string().max(200).optional(), { kind: "text", label: "portfolio.provider" }),
    date: field(date, { kind: "date", label: "portfolio.date" }),
    clockHours: field(hours.optional(), { kind: "number", label: "portfolio.clockHours", entryRule: "error.hoursOrCourseHours" }),
    academicCourseHours: field(hours.optional().describe("for academic courses: converted by the framework's factor"), {
      kind: "number",
      label: "portfolio.academicCourseHours",
      hint: "portfolio.academicCourseHoursHint",
    }),
    topics: field(z.array(z.string().min(1).max(40)).default([]).describe("e.g. dei, rsc, reflective-facilitation"), {
      kind: "checkboxes",
      label: "portfolio.topics",
      options: topicLabels,
    }),
    domains: field(z.array(z.string().min(1).max(40)).default([]).describe("knowledge domains the hours may count toward; each hour counts once"), {
      kind: "checkboxes",
      label: "portfolio.domains",
      hint: "portfolio.domainsHint",
    }),
    program: z.string().max(200).optional().describe("the training program that credited the hours"),
    verified: z.boolean().default(false),
  })
  .refine((entry) => entry.clockHours !== undefined || entry.academicCourseHours !== undefined, "give clockHours or academicCourseHours");

const rscProvider = z.object({
  name: field(z.string().max(200).optional(), { kind: "text", label: "portfolio.providerName", name: "providerName" }),
  credentials: field(z.array(heldCredential).default([]).describe("the provider's endorsements, to check their qualification on the session's date"), {
    kind: "credential",
    label: "portfolio.providerCredential",
    hint: "portfolio.providerCredentialHint",
    name: "providerCredential",
    since: { name: "providerEarned", label: "portfolio.providerEarned" },
  }),
  isPeer: field(z.boolean().default(false).describe("peer supervision never counts"), {
    kind: "checkbox",
    label: "portfolio.isPeer",
    hint: "portfolio.isPeerHint",
    name: "isPeer",
  }),
  vetted: z.boolean().default(false).describe("accepted by the association as a qualified provider"),
});

const rsc = z.object({
  id,
  direction: field(z.enum(["received", "provided"]), {
    kind: "select",
    label: "portfolio.direction",
    options: labelled(["received", "provided"], "portfolio."),
  }),
  date: field(date, { kind: "date", label: "portfolio.date" }),
  hours: field(
    hours.refine((value) => value > 0, "must be more than 0"),
    { kind: "number", label: "portfolio.hours" },
  ),
  format: field(z.enum(["individual", "group"]), { kind: "select", label: "portfolio.format", options: labelled(["individual", "group"], "portfolio.") }),
  groupSize: field(z.number().int().min(1).max(200).optional(), {
    kind: "number",
    label: "portfolio.groupSize",
    inputMode: "numeric",
    when: { name: "format", is: "group" },
  }),
  provider: rscProvider.optional().describe("for received sessions"),
  aboutProvidedRsc: field(z.boolean().default(false).describe("received supervision about the RS/C the person provides"), {
    kind: "checkbox",
    label: "portfolio.aboutProvidedRsc",
  }),
  recipients: field(z.array(z.string().max(200)).default([]).describe("for provided sessions: who received it (names or ids)"), {
    kind: "list",
    label: "portfolio.recipients",
    hint: "portfolio.recipientsHint",
  }),
  recipientLeader: z.boolean().default(false).describe("provided to someone in a leadership role building reflective skills"),
  verified: z.boolean().default(false),
});

const activity = z.object({
  id,
  title: field(z.string().max(300).optional(), { kind: "text", label: "portfolio.title" }),
  date: field(date, { kind: "date", label: "portfolio.date" }),
  hours: field(hours, { kind: "number", label: "portfolio.hours" }),
  topics: field(z.array(z.string().max(40)).default([]), { kind: "checkboxes", label: "portfolio.topics", options: topicLabels }),
});

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
  organization: field(z.string().min(1).max(200).describe("the association the person is a member of"), { kind: "text", label: "portfolio.organization" }),
  memberId: field(z.string().max(100).optional(), { kind: "text", label: "portfolio.memberId" }),
  validUntil: field(date, { kind: "date", label: "portfolio.validUntil", hint: "portfolio.validUntilHint" }),
});

/**
 * One attempt at one part of the exam: a scored part (Part 1, multiple choice) gives `score` and
 * `outOf`; a part judged by raters (Part 2) gives the `result` the association recorded, who
 * recorded it and when. Set by the association, never taken from an imported file.
 */
const exam = z
  .object({
    id,
    part: z.string().min(1).max(40).describe("the framework's part id, e.g. part-1, part-2"),
    date: date.describe("the day the part was sat"),
    score: z.number().min(0).optional().describe("for a scored part: items right"),
    outOf: z.number().positive().optional().describe("for a scored part: items in all"),
    result: z.enum(["pass", "fail"]).optional().describe("for a part judged by raters: the result as recorded"),
    recordedBy: z.string().min(1).max(200).optional().describe("who recorded the result (the association's staff member or exam reviewers)"),
    recordedOn: date.optional().describe("when the result was recorded"),
  })
  .refine((entry) => (entry.score !== undefined && entry.outOf !== undefined) || entry.result !== undefined, "give score and outOf, or a recorded result")
  .refine((entry) => entry.result === undefined || (entry.recordedBy !== undefined && entry.recordedOn !== undefined), {
    message: "a recorded result needs recordedBy and recordedOn",
    path: ["recordedBy"],
  });

/** One entry of each list as a person saves or imports it, with the rules across its fields. */
export const entrySchemas = {
  education,
  licence: withRange(licence, "issued", "expires"),
  credential: withRange(heldCredential, "earned", "expires"),
  work: withRange(work, "start", "end"),
  training,
  rsc: withCredentialRanges(rsc, ["provider", "credentials"]),
  activity,
  reference: withCredentialRanges(reference, ["raterCredentials"]),
  document,
  membership,
} as const;

/** The entries as stored, without the date-range rules (see withRange). */
const storedEntries = { ...entrySchemas, licence, credential: heldCredential, work, rsc, reference };

function portfolioOf(entries: typeof storedEntries) {
  return z.object({
    format: z.literal("cradle-portfolio").default("cradle-portfolio"),
    version: z.literal(1).default(1),
    person: z.object({ name: z.string().max(200).optional(), email: z.string().max(254).optional() }).default({}),
    education: z.array(entries.education).default([]),
    licences: z.array(entries.licence).default([]),
    credentials: z.array(entries.credential).default([]).describe("endorsements the person holds"),
    work: z.array(entries.work).default([]),
    training: z.array(entries.training).default([]),
    reflectiveSupervision: z.array(entries.rsc).default([]),
    reading: z.array(entries.activity).default([]),
    video: z.array(entries.activity).default([]),
    references: z.array(entries.reference).default([]),
    documents: z.array(entries.document).default([]),
    observations: z.array(z.object({ id, date, observer: z.string().max(200).optional(), recorded: z.boolean().default(false) })).default([]),
    exams: z.array(exam).default([]),
    memberships: z.array(entries.membership).default([]).describe("memberships of infant mental health associations, with the date each runs to"),
    attestations: z
      .object({
        codeOfEthicsSigned: date.optional(),
        membershipValidUntil: date.optional().describe("kept for older files; memberships lists them one by one"),
        providesRsc: z.boolean().default(false),
      })
      .default({ providesRsc: false }),
    reviewerHours: z.array(z.object({ id, date, hours, role: z.enum(["application-advisor", "application-reviewer", "exam-reviewer"]) })).default([]),
  });
}

/** The portable portfolio, every rule checked: a file to import or check. */
export const portfolioSchema = portfolioOf(entrySchemas);
/** A portfolio as stored: read as it was kept (see withRange). */
export const storedPortfolioSchema = portfolioOf(storedEntries);

/** Every entry's id is unique in the portfolio, so reports can name entries unambiguously. */
function uniqueIds(portfolio: Portfolio, context: z.RefinementCtx) {
  const seen = new Set<string>();
  const lists = [
    "education",
    "licences",
    "work",
    "training",
    "reflectiveSupervision",
    "reading",
    "video",
    "references",
    "documents",
    "observations",
    "exams",
    "memberships",
    "reviewerHours",
  ] as const;
  for (const list of lists) {
    portfolio[list].forEach((entry, index) => {
      if (seen.has(entry.id)) context.addIssue({ code: "custom", path: [list, index, "id"], message: `the id "${entry.id}" is used twice` });
      seen.add(entry.id);
    });
  }
}

export const uniqueIdsPortfolioSchema = portfolioSchema.superRefine(uniqueIds);
/** What a command writes: the stored portfolio with its new entries, each of them checked already. */
export const uniqueIdsStoredPortfolioSchema = storedPortfolioSchema.superRefine(uniqueIds);

export type Portfolio = z.output<typeof portfolioSchema>;
export type PortfolioInput = z.input<typeof portfolioSchema>;
export type AgeRange = z.output<typeof ageRange>;
export type CredentialRef = z.output<typeof credentialRef>;
export type HeldCredential = z.output<typeof heldCredential>;
