import { toIso } from "../src/domain/dates.ts";
import { type Portfolio, portfolioSchema } from "../src/domain/portfolio-schema.ts";

/** A small deterministic random source, so every run measures the same portfolios. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const day2016 = 16801;
const domains = ["A", "B", "C", "D", "E", "F", "G", "H"];
const credentials = [
  { framework: "alliance-iecmh-e", category: "imhs" },
  { framework: "alliance-iecmh-e", category: "imhm-c" },
  { framework: "alliance-iecmh-e", category: "ifs" },
  { framework: "california-ifecmh", category: "rpf-1" },
];

/** A realistic portfolio of about 150 entries: years of training and RS/C, a few jobs, references. */
export function generatePortfolio(seed: number): Portfolio {
  const random = randomSource(seed);
  const date = () => toIso(day2016 + random.int(0, 9 * 365));
  const provider = () => ({
    name: "P",
    credentials: [{ ...random.pick(credentials), earned: toIso(day2016 - random.int(0, 2000)) }],
    isPeer: random.chance(0.05),
    vetted: random.chance(0.1),
  });
  return portfolioSchema.parse({
    education: Array.from({ length: random.int(1, 3) }, (_, i) => ({
      id: `edu-${i}`,
      level: random.pick(["associate", "bachelor", "master"] as const),
      completed: toIso(day2016 - random.int(0, 3000)),
      officialTranscript: random.chance(0.7),
    })),
    licences: random.chance(0.3) ? [{ id: "lic", type: "LCSW", issued: "2015-01-01", expires: "2027-01-01" }] : [],
    work: Array.from({ length: random.int(4, 10) }, (_, i) => ({
      id: `work-${i}`,
      kind: random.pick(["direct-service", "prevention", "treatment", "rsc-provision", "leadership"] as const),
      start: date(),
      end: random.chance(0.3) ? undefined : date(),
      paid: random.chance(0.9),
      ages: random.pick([
        { fromMonths: 0, toMonths: 36 },
        { fromMonths: 36, toMonths: 71 },
        { fromMonths: 0, toMonths: 60 },
      ]),
      familiesServed: random.int(0, 15),
      relationshipFocused: random.chance(0.8),
      withParents: random.chance(0.6),
    })).map((job) => (job.end && job.end < job.start ? { ...job, start: job.end, end: job.start } : job)),
    training: Array.from({ length: random.int(60, 75) }, (_, i) => ({
      id: `train-${i}`,
      title: `Course ${i}`,
      date: date(),
      ...(random.chance(0.1) ? { academicCourseHours: random.int(1, 3) } : { clockHours: random.int(1, 16) / 2 }),
      topics: [...(random.chance(0.15) ? ["dei"] : []), ...(random.chance(0.2) ? ["rsc"] : []), ...(random.chance(0.1) ? ["reflective-facilitation"] : [])],
      domains: domains.filter(() => random.chance(0.2)),
    })),
    reflectiveSupervision: Array.from({ length: random.int(45, 60) }, (_, i) => ({
      id: `rsc-${i}`,
      direction: random.chance(0.8) ? "received" : "provided",
      date: date(),
      hours: random.int(2, 6) / 2,
      format: random.chance(0.6) ? "individual" : "group",
      groupSize: random.int(2, 10),
      provider: provider(),
      recipients: ["Ana", "Ben", "Cleo"].filter(() => random.chance(0.5)),
      aboutProvidedRsc: random.chance(0.3),
    })),
    reading: Array.from({ length: 3 }, (_, i) => ({ id: `read-${i}`, date: date(), hours: random.int(1, 8), topics: ["reflective-facilitation"] })),
    video: [{ id: "video-0", date: date(), hours: 2, topics: ["reflective-facilitation"] }],
    references: Array.from({ length: random.int(3, 6) }, (_, i) => ({
      id: `ref-${i}`,
      kind: random.pick(["rating", "rating", "letter", "verification"] as const),
      role: random.pick(["current-supervisor", "rsc-provider", "teacher", "colleague", "mentor"] as const),
      raterCredentials: random.chance(0.5) ? [{ ...random.pick(credentials), earned: "2012-01-01" }] : [],
      completed: random.chance(0.9) ? date() : undefined,
      notEnoughInformation: random.int(0, 7),
    })),
    documents: [
      { id: "doc-statement", type: "personal-statement", words: random.int(300, 600) },
      { id: "doc-resume", type: "resume" },
    ],
    observations: [{ id: "obs-0", date: date() }],
    attestations: { codeOfEthicsSigned: "2025-01-15", membershipValidUntil: "2026-06-30" },
  });
}
