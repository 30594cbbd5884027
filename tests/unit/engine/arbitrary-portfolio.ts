import fc from "fast-check";
import { toIso } from "../../../src/domain/dates.ts";
import { type Portfolio, storedPortfolioSchema } from "../../../src/domain/portfolio-schema.ts";

/** Random but plausible portfolios for property tests, read as stored (a job may end before it starts, as one kept before that was checked); entry ids are unique by construction. */
const day2018 = 17532;
const date = fc.integer({ min: day2018, max: day2018 + 8 * 365 }).map(toIso);
const hours = fc.integer({ min: 1, max: 4000 }).map((n) => n / 100);
const ref = (framework: string, categories: string[]) =>
  fc.record({ framework: fc.constant(framework), category: fc.constantFrom(...categories), earned: date });
const credential = fc.oneof(ref("alliance-iecmh-e", ["ifs", "imhs", "imhm-c", "ifrs", "ers"]), ref("california-ifecmh", ["tmhp", "mhs", "rpf-1", "rpf-2"]));

const entry = {
  education: fc.record({
    level: fc.constantFrom("cda", "associate", "bachelor", "master", "doctorate"),
    relatedField: fc.boolean(),
    completed: fc.option(date, { nil: undefined }),
    officialTranscript: fc.boolean(),
  }),
  work: fc.record({
    kind: fc.constantFrom("direct-service", "prevention", "treatment", "rsc-provision", "leadership", "policy", "teaching", "supervised-volunteer"),
    start: date,
    end: fc.option(date, { nil: undefined }),
    paid: fc.boolean(),
    ages: fc.constantFrom({ fromMonths: 0, toMonths: 36 }, { fromMonths: 37, toMonths: 71 }, { fromMonths: 0, toMonths: 60 }, { fromMonths: 24, toMonths: 48 }),
    familiesServed: fc.integer({ min: 0, max: 12 }),
    relationshipFocused: fc.boolean(),
    withParents: fc.boolean(),
    supervisor: fc.option(fc.constant("Ana Ruiz"), { nil: undefined }),
  }),
  training: fc.record({
    title: fc.constantFrom("Attachment", "Culture and families", "Reflective practice", "Assessment"),
    date,
    clockHours: hours,
    topics: fc.subarray(["dei", "rsc", "reflective-facilitation"]),
    domains: fc.subarray(["A", "B", "C", "D", "E", "F", "G", "H"]),
  }),
  rsc: fc.record({
    direction: fc.constantFrom("received", "provided"),
    date,
    hours,
    format: fc.constantFrom("individual", "group"),
    groupSize: fc.integer({ min: 2, max: 10 }),
    provider: fc.record({ credentials: fc.array(credential, { maxLength: 2 }), isPeer: fc.boolean(), vetted: fc.boolean() }),
    recipients: fc.subarray(["Ana", "Ben", "Cleo", "Dee"]),
    aboutProvidedRsc: fc.boolean(),
  }),
  reference: fc.record({
    kind: fc.constantFrom("rating", "letter", "verification"),
    role: fc.constantFrom("current-supervisor", "rsc-provider", "teacher", "colleague", "parent", "supervisee", "mentor"),
    raterCredentials: fc.array(credential, { maxLength: 1 }),
    completed: fc.option(date, { nil: undefined }),
    notEnoughInformation: fc.integer({ min: 0, max: 8 }),
  }),
};

export type EntryKind = keyof typeof entry;
const listOf: Record<EntryKind, keyof Portfolio> = {
  education: "education",
  work: "work",
  training: "training",
  rsc: "reflectiveSupervision",
  reference: "references",
};

export const arbitraryEntry = fc.oneof(...(Object.keys(entry) as EntryKind[]).map((kind) => entry[kind].map((value) => ({ kind, value }))));

export const arbitraryPortfolio = fc
  .record({
    entries: fc.array(arbitraryEntry, { maxLength: 25 }),
    credentials: fc.array(credential, { maxLength: 2 }),
    ethics: fc.option(date, { nil: undefined }),
    membership: fc.option(date, { nil: undefined }),
  })
  .map(({ entries, credentials, ethics, membership }) => buildPortfolio(entries, credentials, ethics, membership));

export function buildPortfolio(
  entries: Array<{ kind: EntryKind; value: object }>,
  credentials: object[] = [],
  ethics?: string,
  membership?: string,
): Portfolio {
  const draft: Record<string, unknown[]> = { education: [], work: [], training: [], reflectiveSupervision: [], references: [] };
  entries.forEach(({ kind, value }, index) => draft[listOf[kind]]!.push({ id: `${kind}-${index}`, ...value }));
  return storedPortfolioSchema.parse({ ...draft, credentials, attestations: { codeOfEthicsSigned: ethics, membershipValidUntil: membership } });
}

export function withEntry(portfolio: Portfolio, added: { kind: EntryKind; value: object }): Portfolio {
  const list = listOf[added.kind];
  const entryWithId = { id: `added-${added.kind}`, ...added.value };
  return storedPortfolioSchema.parse({ ...portfolio, [list]: [...(portfolio[list] as unknown[]), entryWithId] });
}
