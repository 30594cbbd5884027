import type { AssociationInput } from "../../src/commands/shared/association-input.ts";

export type Volume = { applicants: number; applications: number };

/** Who the benchmark logs in as, and the association it measures. */
export const benchCast = {
  association: {
    name: "Benchmark Infant Mental Health Association",
    slug: "bench-imh",
    frameworks: ["alliance-iecmh-e"],
    locale: "en",
    timeZone: "America/New_York",
    contactEmail: "endorsement@bench-imh.example.org",
    contactPhone: null,
    website: null,
  } satisfies AssociationInput,
  staff: { email: "staff@bench.cradle.test", name: "Bench Staff", password: "bench-password-2026" },
  applicantPassword: "bench-password-2026",
  applicantEmail: (index: number) => `applicant${index}@bench.cradle.test`,
};
