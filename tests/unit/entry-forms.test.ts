import { describe, expect, it } from "vitest";
import { z } from "zod";
import { entryFields, field } from "../../src/domain/entry-fields.ts";
import { entryFieldsOf, inputsOf } from "../../src/forms/entry-form.ts";
import { findSection, parseEntry, sections, type SectionSpec } from "../../src/forms/portfolio-sections.ts";
import { en } from "../../src/i18n/messages-en.ts";
import { es } from "../../src/i18n/messages-es.ts";

const section = (id: string): SectionSpec => findSection(id) ?? expect.fail(`no section ${id}`);

/** One entry per section with every field its form has filled in, as the schema stores it. */
const fullEntries: Record<string, Record<string, unknown>> = {
  education: { level: "master", field: "Social work", institution: "UCLA", completed: "2019-06-01", relatedField: false },
  licences: { type: "LCSW", issuer: "California BBS", issued: "2020-01-15", expires: "2026-01-15" },
  work: {
    role: "Home visitor",
    employer: "First 5",
    kind: "prevention",
    start: "2020-01-01",
    end: "2023-12-31",
    hoursPerWeek: 32.5,
    ages: { fromMonths: -9, toMonths: 36 },
    familiesServed: 12,
    familiesByBand: { infant: 7, earlyChildhood: 5 },
    paid: false,
    relationshipFocused: true,
    withParents: true,
    supervisor: "Ana Ruiz",
  },
  training: {
    title: "Attachment basics",
    provider: "State AIMH",
    date: "2025-03-01",
    clockHours: 12,
    academicCourseHours: 3,
    topics: ["dei", "rsc"],
    domains: ["theoretical-foundations"],
  },
  "reflective-supervision": {
    direction: "received",
    date: "2024-05-02",
    hours: 1.5,
    format: "group",
    groupSize: 4,
    provider: { name: "Dr. Lee", isPeer: true, credentials: [{ framework: "alliance-iecmh-e", category: "imhm-c", earned: "2015-04-01" }] },
    aboutProvidedRsc: true,
    recipients: ["A. B.", "C. D."],
  },
  reading: { title: "Infants and mothers", date: "2024-02-10", hours: 6, topics: ["reflective-facilitation"] },
  video: { title: "Still face", date: "2024-02-11", hours: 0.5, topics: [] },
  memberships: { organization: "SCIMHA", memberId: "A-17", validUntil: "2026-12-31" },
};

describe("each portfolio section's form, from its schema's metadata", () => {
  it("has a full entry in this table for every section", () => {
    expect(Object.keys(fullEntries).sort()).toEqual(sections.map((candidate) => candidate.id).sort());
  });

  it.each(sections.map((candidate) => [candidate.id, candidate] as const))("%s: entry -> form values -> the same entry", (_, spec) => {
    const entry = spec.schema.parse({ ...fullEntries[spec.id], id: "e1" }) as Record<string, unknown>;
    const values = spec.fromEntry(entry);
    expect(parseEntry(spec, values, "e1")).toEqual({ ok: true, entry });
    for (const input of spec.fields) expect(values, `${spec.id}.${input.name}`).toHaveProperty(input.name);
  });

  it.each(sections.map((candidate) => [candidate.id, candidate] as const))("%s: every label, hint and option is in both catalogues", (_, spec) => {
    const keys = [
      spec.title,
      spec.addLabel,
      ...spec.fields.flatMap((input) => [input.label, input.hint, ...(input.options ?? []).map((option) => option.label)]),
    ].filter(Boolean);
    for (const key of keys) {
      expect(en, `${spec.id}: ${key}`).toHaveProperty([key!]);
      expect(es, `${spec.id}: ${key}`).toHaveProperty([key!]);
    }
  });

  it("names every message key its metadata holds, also the ones only errors show", () => {
    const rules = sections.flatMap((spec) => entryFieldsOf(spec.schema).flatMap(({ meta }) => [meta.entryRule, meta.since?.label].filter(Boolean)));
    expect(rules).toEqual(expect.arrayContaining(["error.hoursOrCourseHours", "error.endBeforeStart", "error.expiresBeforeIssued"]));
    for (const key of rules) {
      expect(en).toHaveProperty([key!]);
      expect(es).toHaveProperty([key!]);
    }
  });
});

describe("reading what a browser without JavaScript sends", () => {
  it("takes an unticked box as no, even where the schema's default is yes", () => {
    const parsed = parseEntry(section("education"), { level: "bachelor" }, "e1");
    expect(parsed).toMatchObject({ ok: true, entry: { relatedField: false } });
  });

  it("starts a new entry with the schema's default choices only", () => {
    expect(section("work").newEntry).toEqual({ kind: "direct-service", paid: "on" });
    expect(section("education").newEntry).toEqual({ relatedField: "on" });
    expect(section("training").newEntry).toEqual({});
  });

  it("keeps the families per age band only when one is filled in", () => {
    expect(parseEntry(section("work"), { start: "2020-01-01", familiesInfant: "", familiesEarlyChildhood: "" }, "w")).toEqual({
      ok: true,
      entry: expect.not.objectContaining({ familiesByBand: expect.anything() }) as unknown,
    });
    expect(parseEntry(section("work"), { start: "2020-01-01", familiesEarlyChildhood: "0" }, "w")).toMatchObject({
      ok: true,
      entry: { familiesByBand: { earlyChildhood: 0 } },
    });
    expect(parseEntry(section("work"), { start: "2020-01-01", familiesInfant: "2.5" }, "w")).toMatchObject({ ok: false });
  });

  it("reads a decimal comma, an age band and a comma-separated list; drops a group size for an individual session", () => {
    expect(parseEntry(section("work"), { start: "2020-01-01", hoursPerWeek: "12,5", ages: "36-71" }, "w")).toMatchObject({
      ok: true,
      entry: { hoursPerWeek: 12.5, ages: { fromMonths: 37, toMonths: 71 } },
    });
    const rsc = parseEntry(
      section("reflective-supervision"),
      { direction: "provided", date: "2024-01-01", hours: "1", format: "individual", groupSize: "9", recipients: " Ana,, Luis " },
      "r",
    );
    expect(rsc).toMatchObject({ ok: true, entry: { recipients: ["Ana", "Luis"], provider: { credentials: [] } } });
    expect(rsc.ok && rsc.entry.groupSize).toBeUndefined();
  });

  it.each([
    ["training", { title: "A", date: "March 1st" }, { date: "error.date", clockHours: "error.hoursOrCourseHours" }],
    ["training", { title: "", date: "2024-01-01", clockHours: "twelve" }, { title: "error.required", clockHours: "error.number" }],
    ["work", { start: "2020-01-01", familiesServed: "-3", hoursPerWeek: "101" }, { familiesServed: "error.tooSmall", hoursPerWeek: "error.tooBig" }],
    ["education", { level: "kindergarten" }, { level: "error.choose" }],
    [
      "reflective-supervision",
      { direction: "received", date: "2024-01-01", hours: "1", format: "individual", providerCredential: "alliance-iecmh-e/imhs", providerEarned: "last year" },
      { providerEarned: "error.date" },
    ],
    ["memberships", { organization: "", validUntil: "soon" }, { organization: "error.required", validUntil: "error.date" }],
    ["work", { start: "2021-03-01", end: "2020-12-31" }, { end: "error.endBeforeStart" }],
    ["work", { start: "2021-03-01", end: "2020-12-31", familiesServed: "doce" }, { end: "error.endBeforeStart", familiesServed: "error.number" }],
    ["licences", { type: "LCSW", issued: "2022-01-15", expires: "2020-01-15" }, { expires: "error.expiresBeforeIssued" }],
  ] as const)("%s %j: refused with %j, by input", (id, values, errors) => {
    expect(parseEntry(section(id), values, "x")).toEqual({ ok: false, errors });
  });
});

describe("a date range", () => {
  it("may end the day it starts, or go on with no end", () => {
    expect(parseEntry(section("work"), { start: "2021-03-01", end: "2021-03-01" }, "w")).toMatchObject({ ok: true });
    expect(parseEntry(section("work"), { start: "2021-03-01" }, "w")).toMatchObject({ ok: true });
    expect(parseEntry(section("licences"), { type: "RN", issued: "2022-01-15", expires: "2022-01-15" }, "l")).toMatchObject({ ok: true });
    expect(parseEntry(section("licences"), { type: "RN", expires: "2022-01-15" }, "l")).toMatchObject({ ok: true });
  });

  it("is checked only between two well-written dates: a mistyped start is its own error, not a range", () => {
    expect(parseEntry(section("work"), { start: "March", end: "2020-12-31" }, "w")).toEqual({ ok: false, errors: { start: "error.date" } });
  });
});

describe("a field added to a schema", () => {
  it("is one line: its input, parsing and filling follow from its metadata", () => {
    const schema = z.object({
      id: z.string(),
      note: field(z.string().max(5).optional(), { kind: "textarea", label: "portfolio.title", hint: "portfolio.completedHint" }),
    });
    const fields = entryFieldsOf(schema);
    expect(inputsOf(fields)).toEqual([{ name: "note", kind: "textarea", label: "portfolio.title", hint: "portfolio.completedHint" }]);
    expect(entryFields.get(schema.shape.note)).toMatchObject({ kind: "textarea" });
  });
});
