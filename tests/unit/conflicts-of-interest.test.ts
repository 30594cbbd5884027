import { describe, expect, it } from "vitest";
import { type ConflictFacts, type ConflictReason, findConflicts } from "../../src/domain/conflicts-of-interest.ts";
import { storedPortfolioSchema } from "../../src/domain/portfolio-schema.ts";

const portfolio = storedPortfolioSchema.parse({
  references: [{ id: "r1", role: "supervisor", raterName: "  José   Núñez " }],
  work: [
    { id: "w1", start: "2020-01-01", employer: "Sunrise Family Center", supervisor: "Ana Pérez" },
    { id: "w2", start: "2022-01-01" },
  ],
  reflectiveSupervision: [{ id: "s1", date: "2023-01-01", hours: 1, format: "individual", direction: "received", provider: { name: "Zoë Lind" } }],
});

function facts(reviewer: Partial<ConflictFacts["reviewer"]>, more: Partial<ConflictFacts> = {}): ConflictFacts {
  return {
    portfolio,
    applicantEmail: "Applicant@Example.org",
    linkEmails: ["Rater@Example.org"],
    applicantName: "María Gómez",
    reviewer: { name: "Someone Else", email: "else@example.org", employers: [], declared: [], ...reviewer },
    ...more,
  };
}

const cases: [string, ConflictFacts, ConflictReason[]][] = [
  ["no conflict", facts({}), []],
  ["rater's name, accents, case and spaces ignored", facts({ name: "jose nunez" }), [{ kind: "named-as-rater", value: "  José   Núñez " }]],
  ["supervisor of a work entry", facts({ name: "ANA PEREZ" }), [{ kind: "named-as-supervisor", value: "Ana Pérez" }]],
  ["RS/C provider", facts({ name: "zoe lind" }), [{ kind: "named-as-rsc-provider", value: "Zoë Lind" }]],
  ["a name that only contains the reviewer's is no match", facts({ name: "Ana" }), []],
  [
    "a rater's link went to the reviewer's email, case ignored",
    facts({ email: " rater@example.ORG" }),
    [{ kind: "link-sent-to-reviewer", value: "Rater@Example.org" }],
  ],
  ["the applicant's confirmed email is the reviewer's", facts({ email: "applicant@example.org" }), [{ kind: "same-email", value: "Applicant@Example.org" }]],
  ["an unconfirmed applicant email matches nothing", facts({ email: "applicant@example.org" }, { applicantEmail: null }), []],
  ["a reviewer without a confirmed email matches no email", facts({ email: null }, { linkEmails: [""] }), []],
  ["a shared employer", facts({ employers: ["sunrise family center "] }), [{ kind: "shared-employer", value: "sunrise family center " }]],
  ["an employer elsewhere", facts({ employers: ["Harbor Clinic"] }), []],
  ["empty employers never match", facts({ employers: ["", "  "] }), []],
  ["declared person", facts({ declared: [{ kind: "person", value: "maria gomez" }] }), [{ kind: "declared-person", value: "maria gomez" }]],
  ["declared email", facts({ declared: [{ kind: "email", value: "APPLICANT@example.org" }] }), [{ kind: "declared-email", value: "APPLICANT@example.org" }]],
  [
    "declared employer",
    facts({ declared: [{ kind: "employer", value: "Sunrise  Family Center" }] }),
    [{ kind: "declared-employer", value: "Sunrise  Family Center" }],
  ],
  [
    "declarations about other people",
    facts({
      declared: [
        { kind: "person", value: "Maria" },
        { kind: "email", value: "other@example.org" },
        { kind: "employer", value: "Harbor" },
      ],
    }),
    [],
  ],
  [
    "several reasons, each once",
    facts(
      { name: "Ana Pérez", email: "applicant@example.org", employers: ["Sunrise Family Center", "SUNRISE family center"] },
      { portfolio: { ...portfolio, work: [...portfolio.work, ...portfolio.work] } },
    ),
    [
      { kind: "named-as-supervisor", value: "Ana Pérez" },
      { kind: "same-email", value: "Applicant@Example.org" },
      { kind: "shared-employer", value: "Sunrise Family Center" },
    ],
  ],
  [
    "an empty reviewer name matches no empty rater name",
    facts({ name: "" }, { portfolio: { ...portfolio, references: [{ ...portfolio.references[0]!, raterName: "" }] } }),
    [],
  ],
];

describe("findConflicts", () => {
  it.each(cases)("%s", (_, given, expected) => {
    expect(findConflicts(given)).toEqual(expected);
  });
});
