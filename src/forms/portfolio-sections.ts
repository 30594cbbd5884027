import type { z } from "zod";
import { entrySchemas, type Portfolio } from "../domain/portfolio-schema.ts";
import type { FieldErrors } from "../commands/command-context.ts";
import type { DraftFields } from "../data/form-drafts.ts";
import type { MessageKey } from "../i18n/translate.ts";

/**
 * The sections of the portfolio editor: which list each edits, its fields, and how the plain
 * form fields (what a browser without JavaScript sends) map to a portfolio entry and back.
 */
export type FieldSpec = {
  name: string;
  type: "text" | "date" | "number" | "select" | "checkbox" | "checkboxes";
  label: MessageKey;
  hint?: MessageKey;
  options?: ReadonlyArray<{ value: string; label: MessageKey }>;
  step?: string;
};

type List = "education" | "licences" | "work" | "training" | "reflectiveSupervision" | "reading" | "video" | "memberships";

export type SectionSpec = {
  id: string;
  list: List;
  title: MessageKey;
  addLabel: MessageKey;
  fields: FieldSpec[];
  schema: z.ZodType;
  toEntry(fields: DraftFields): Record<string, unknown>;
  fromEntry(entry: Record<string, unknown>): DraftFields;
};

export const ageBands = {
  "prenatal-36": { fromMonths: -9, toMonths: 36 },
  "0-36": { fromMonths: 0, toMonths: 36 },
  "36-71": { fromMonths: 36, toMonths: 71 },
  "0-60": { fromMonths: 0, toMonths: 60 },
  "0-71": { fromMonths: 0, toMonths: 71 },
} as const;
type AgeBand = keyof typeof ageBands;

const text = (fields: DraftFields, name: string): string | undefined => {
  const value = fields[name];
  const single = Array.isArray(value) ? value[0] : value;
  return single === undefined || single.trim() === "" ? undefined : single.trim();
};
const number = (fields: DraftFields, name: string): number | undefined => {
  const value = text(fields, name);
  return value === undefined ? undefined : Number(value.replace(",", "."));
};
const checked = (fields: DraftFields, name: string) => fields[name] === "on" || fields[name] === "true";
const many = (fields: DraftFields, name: string): string[] => {
  const value = fields[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};
// Entry fields shown in a form are text or numbers; anything else (absent, or a malformed import) shows empty.
const str = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");
const flag = (value: unknown) => (value ? "on" : "");

const topicOptions = [
  { value: "dei", label: "topic.dei" },
  { value: "rsc", label: "topic.rsc" },
  { value: "reflective-facilitation", label: "topic.reflectiveFacilitation" },
] as const;

const bandOptions = [
  { value: "", label: "portfolio.ages.unknown" },
  { value: "prenatal-36", label: "portfolio.ages.prenatal36" },
  { value: "0-36", label: "portfolio.ages.0-36" },
  { value: "36-71", label: "portfolio.ages.36-71" },
  { value: "0-60", label: "portfolio.ages.0-60" },
  { value: "0-71", label: "portfolio.ages.0-71" },
] as const;

function bandOf(ages: unknown): string {
  if (!ages || typeof ages !== "object") return "";
  const { fromMonths, toMonths } = ages as { fromMonths: number; toMonths: number };
  return Object.entries(ageBands).find(([, range]) => range.fromMonths === fromMonths && range.toMonths === toMonths)?.[0] ?? "";
}

export const sections: SectionSpec[] = [
  {
    id: "education",
    list: "education",
    title: "portfolio.education",
    addLabel: "portfolio.addEducation",
    schema: entrySchemas.education,
    fields: [
      {
        name: "level",
        type: "select",
        label: "portfolio.level",
        options: [
          { value: "cda", label: "level.cda" },
          { value: "associate", label: "level.associate" },
          { value: "bachelor", label: "level.bachelor" },
          { value: "master", label: "level.master" },
          { value: "doctorate", label: "level.doctorate" },
          { value: "high-school", label: "level.high-school" },
        ],
      },
      { name: "field", type: "text", label: "portfolio.field" },
      { name: "institution", type: "text", label: "portfolio.institution" },
      { name: "completed", type: "date", label: "portfolio.completed", hint: "portfolio.completedHint" },
      { name: "relatedField", type: "checkbox", label: "portfolio.relatedField" },
    ],
    toEntry: (f) => ({ level: text(f, "level"), field: text(f, "field"), institution: text(f, "institution"), completed: text(f, "completed"), relatedField: checked(f, "relatedField") }),
    fromEntry: (e) => ({ level: str(e.level), field: str(e.field), institution: str(e.institution), completed: str(e.completed), relatedField: flag(e.relatedField) }),
  },
  {
    id: "licences",
    list: "licences",
    title: "portfolio.licences",
    addLabel: "portfolio.addLicence",
    schema: entrySchemas.licence,
    fields: [
      { name: "type", type: "text", label: "portfolio.licenceType", hint: "portfolio.licenceTypeHint" },
      { name: "issuer", type: "text", label: "portfolio.issuer" },
      { name: "issued", type: "date", label: "portfolio.issued" },
      { name: "expires", type: "date", label: "portfolio.expires" },
    ],
    toEntry: (f) => ({ type: text(f, "type"), issuer: text(f, "issuer"), issued: text(f, "issued"), expires: text(f, "expires") }),
    fromEntry: (e) => ({ type: str(e.type), issuer: str(e.issuer), issued: str(e.issued), expires: str(e.expires) }),
  },
  {
    id: "work",
    list: "work",
    title: "portfolio.work",
    addLabel: "portfolio.addWork",
    schema: entrySchemas.work,
    fields: [
      { name: "role", type: "text", label: "portfolio.role" },
      { name: "employer", type: "text", label: "portfolio.employer" },
      {
        name: "kind",
        type: "select",
        label: "portfolio.kind",
        options: [
          { value: "direct-service", label: "workKind.direct-service" },
          { value: "prevention", label: "workKind.prevention" },
          { value: "early-intervention", label: "workKind.early-intervention" },
          { value: "treatment", label: "workKind.treatment" },
          { value: "rsc-provision", label: "workKind.rsc-provision" },
          { value: "leadership", label: "workKind.leadership" },
          { value: "policy", label: "workKind.policy" },
          { value: "program-administration", label: "workKind.program-administration" },
          { value: "teaching", label: "workKind.teaching" },
          { value: "research", label: "workKind.research" },
          { value: "supervised-volunteer", label: "workKind.supervised-volunteer" },
          { value: "other", label: "workKind.other" },
        ],
      },
      { name: "start", type: "date", label: "portfolio.start" },
      { name: "end", type: "date", label: "portfolio.end", hint: "portfolio.endHint" },
      { name: "hoursPerWeek", type: "number", label: "portfolio.hoursPerWeek", step: "0.5" },
      { name: "ages", type: "select", label: "portfolio.ages", options: bandOptions },
      { name: "familiesServed", type: "number", label: "portfolio.familiesServed", step: "1" },
      { name: "paid", type: "checkbox", label: "portfolio.paid" },
      { name: "relationshipFocused", type: "checkbox", label: "portfolio.relationshipFocused" },
      { name: "withParents", type: "checkbox", label: "portfolio.withParents" },
      { name: "supervisor", type: "text", label: "portfolio.supervisor", hint: "portfolio.supervisorHint" },
    ],
    toEntry: (f) => ({
      role: text(f, "role"),
      employer: text(f, "employer"),
      kind: text(f, "kind"),
      start: text(f, "start"),
      end: text(f, "end"),
      hoursPerWeek: number(f, "hoursPerWeek"),
      ages: text(f, "ages") ? ageBands[text(f, "ages") as AgeBand] : undefined,
      familiesServed: number(f, "familiesServed") ?? 0,
      paid: checked(f, "paid"),
      relationshipFocused: checked(f, "relationshipFocused"),
      withParents: checked(f, "withParents"),
      supervisor: text(f, "supervisor"),
    }),
    fromEntry: (e) => ({
      role: str(e.role),
      employer: str(e.employer),
      kind: str(e.kind),
      start: str(e.start),
      end: str(e.end),
      hoursPerWeek: str(e.hoursPerWeek),
      ages: bandOf(e.ages),
      familiesServed: str(e.familiesServed),
      paid: flag(e.paid),
      relationshipFocused: flag(e.relationshipFocused),
      withParents: flag(e.withParents),
      supervisor: str(e.supervisor),
    }),
  },
  {
    id: "training",
    list: "training",
    title: "portfolio.training",
    addLabel: "portfolio.addTraining",
    schema: entrySchemas.training,
    fields: [
      { name: "title", type: "text", label: "portfolio.title" },
      { name: "provider", type: "text", label: "portfolio.provider" },
      { name: "date", type: "date", label: "portfolio.date" },
      { name: "clockHours", type: "number", label: "portfolio.clockHours", step: "0.25" },
      { name: "academicCourseHours", type: "number", label: "portfolio.academicCourseHours", hint: "portfolio.academicCourseHoursHint", step: "0.5" },
      { name: "topics", type: "checkboxes", label: "portfolio.topics", options: topicOptions },
      { name: "domains", type: "checkboxes", label: "portfolio.domains", hint: "portfolio.domainsHint" },
    ],
    toEntry: (f) => ({
      title: text(f, "title"),
      provider: text(f, "provider"),
      date: text(f, "date"),
      clockHours: number(f, "clockHours"),
      academicCourseHours: number(f, "academicCourseHours"),
      topics: many(f, "topics"),
      domains: many(f, "domains"),
    }),
    fromEntry: (e) => ({
      title: str(e.title),
      provider: str(e.provider),
      date: str(e.date),
      clockHours: str(e.clockHours),
      academicCourseHours: str(e.academicCourseHours),
      topics: (e.topics as string[]) ?? [],
      domains: (e.domains as string[]) ?? [],
    }),
  },
  {
    id: "reflective-supervision",
    list: "reflectiveSupervision",
    title: "portfolio.rsc",
    addLabel: "portfolio.addRsc",
    schema: entrySchemas.rsc,
    fields: [
      {
        name: "direction",
        type: "select",
        label: "portfolio.direction",
        options: [
          { value: "received", label: "portfolio.received" },
          { value: "provided", label: "portfolio.provided" },
        ],
      },
      { name: "date", type: "date", label: "portfolio.date" },
      { name: "hours", type: "number", label: "portfolio.hours", step: "0.25" },
      {
        name: "format",
        type: "select",
        label: "portfolio.format",
        options: [
          { value: "individual", label: "portfolio.individual" },
          { value: "group", label: "portfolio.group" },
        ],
      },
      { name: "groupSize", type: "number", label: "portfolio.groupSize", step: "1" },
      { name: "providerName", type: "text", label: "portfolio.providerName" },
      { name: "providerCredential", type: "select", label: "portfolio.providerCredential", hint: "portfolio.providerCredentialHint" },
      { name: "providerEarned", type: "date", label: "portfolio.providerEarned" },
      { name: "isPeer", type: "checkbox", label: "portfolio.isPeer", hint: "portfolio.isPeerHint" },
      { name: "aboutProvidedRsc", type: "checkbox", label: "portfolio.aboutProvidedRsc" },
      { name: "recipients", type: "text", label: "portfolio.recipients", hint: "portfolio.recipientsHint" },
    ],
    toEntry: (f) => {
      const credential = text(f, "providerCredential");
      const [framework, category] = credential ? credential.split("/") : [];
      return {
        direction: text(f, "direction"),
        date: text(f, "date"),
        hours: number(f, "hours"),
        format: text(f, "format"),
        groupSize: text(f, "format") === "group" ? number(f, "groupSize") : undefined,
        provider: {
          name: text(f, "providerName"),
          isPeer: checked(f, "isPeer"),
          credentials: framework && category ? [{ framework, category, earned: text(f, "providerEarned") }] : [],
        },
        aboutProvidedRsc: checked(f, "aboutProvidedRsc"),
        recipients: (text(f, "recipients") ?? "").split(",").map((name) => name.trim()).filter(Boolean),
      };
    },
    fromEntry: (e) => {
      const provider = (e.provider ?? {}) as { name?: string; isPeer?: boolean; credentials?: Array<{ framework: string; category: string; earned: string }> };
      const credential = provider.credentials?.[0];
      return {
        direction: str(e.direction),
        date: str(e.date),
        hours: str(e.hours),
        format: str(e.format),
        groupSize: str(e.groupSize),
        providerName: str(provider.name),
        providerCredential: credential ? `${credential.framework}/${credential.category}` : "",
        providerEarned: str(credential?.earned),
        isPeer: flag(provider.isPeer),
        aboutProvidedRsc: flag(e.aboutProvidedRsc),
        recipients: ((e.recipients as string[]) ?? []).join(", "),
      };
    },
  },
  ...(["reading", "video"] as const).map(
    (list): SectionSpec => ({
      id: list,
      list,
      title: list === "reading" ? "portfolio.reading" : "portfolio.video",
      addLabel: list === "reading" ? "portfolio.addReading" : "portfolio.addVideo",
      schema: entrySchemas.activity,
      fields: [
        { name: "title", type: "text", label: "portfolio.title" },
        { name: "date", type: "date", label: "portfolio.date" },
        { name: "hours", type: "number", label: "portfolio.hours", step: "0.25" },
        { name: "topics", type: "checkboxes", label: "portfolio.topics", options: topicOptions },
      ],
      toEntry: (f) => ({ title: text(f, "title"), date: text(f, "date"), hours: number(f, "hours"), topics: many(f, "topics") }),
      fromEntry: (e) => ({ title: str(e.title), date: str(e.date), hours: str(e.hours), topics: (e.topics as string[]) ?? [] }),
    }),
  ),
  {
    id: "memberships",
    list: "memberships",
    title: "portfolio.memberships",
    addLabel: "portfolio.addMembership",
    schema: entrySchemas.membership,
    fields: [
      { name: "organization", type: "text", label: "portfolio.organization" },
      { name: "memberId", type: "text", label: "portfolio.memberId" },
      { name: "validUntil", type: "date", label: "portfolio.validUntil", hint: "portfolio.validUntilHint" },
    ],
    toEntry: (f) => ({ organization: text(f, "organization"), memberId: text(f, "memberId"), validUntil: text(f, "validUntil") }),
    fromEntry: (e) => ({ organization: str(e.organization), memberId: str(e.memberId), validUntil: str(e.validUntil) }),
  },
];

/** A section's entries in a portfolio, as the form fields that lists and forms show. */
export function entriesOf(section: SectionSpec, portfolio: Portfolio) {
  return (portfolio[section.list] as Array<Record<string, unknown> & { id: string }>).map((entry) => ({ id: entry.id, fields: section.fromEntry(entry), verified: entry.verified === true }));
}

export function findSection(id: string): SectionSpec | undefined {
  return sections.find((section) => section.id === id);
}

/** Which form field an error at a schema path belongs to. */
function fieldOf(path: PropertyKey[]): string {
  const [first, second, , fourth] = path.map(String);
  if (first === "provider" && second === "credentials") return fourth === "earned" ? "providerEarned" : "providerCredential";
  if (first === "provider") return second === "name" ? "providerName" : "isPeer";
  if (first === undefined) return "clockHours";
  return first;
}

function messageOf(issue: z.core.$ZodIssue): MessageKey {
  if (issue.code === "invalid_type") return issue.input === undefined ? "error.required" : "error.number";
  if (issue.code === "invalid_format") return "error.date";
  if (issue.code === "invalid_value") return "error.choose";
  if (issue.code === "too_small") return issue.origin === "string" ? "error.required" : "error.tooSmall";
  if (issue.code === "too_big") return issue.origin === "string" ? "error.tooLong" : "error.tooBig";
  if (issue.message.includes("clockHours")) return "error.hoursOrCourseHours";
  return "error.required";
}

/** Validates one entry; on failure, the errors by form field as translation keys. */
export function parseEntry(section: SectionSpec, fields: DraftFields, id: string): { ok: true; entry: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  const candidate: Record<string, unknown> = { ...section.toEntry(fields), id };
  for (const [key, value] of Object.entries(candidate)) if (typeof value === "number" && Number.isNaN(value)) candidate[key] = "not a number";
  const parsed = section.schema.safeParse(candidate);
  if (parsed.success) return { ok: true, entry: parsed.data as Record<string, unknown> };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[fieldOf(issue.path)] ??= messageOf(issue);
  return { ok: false, errors };
}


/** The entries a document can support: degrees (their transcripts), licences and trainings (their certificates). */
export function supportableEntries(portfolio: Portfolio) {
  return [
    ...portfolio.education.map((entry) => ({ section: "education", entry: entry })),
    ...portfolio.licences.map((entry) => ({ section: "licences", entry: entry })),
    ...portfolio.training.map((entry) => ({ section: "training", entry: entry })),
  ];
}
