import { benchCast } from "./cast.ts";

export type Visitor = "anonymous" | "applicant" | "staff";

/** A page the benchmark measures: who asks for it, and a text the right page shows (checked on the captured answer). */
export type BenchPage = { name: string; path: string; as: Visitor; shows: string };

export function benchPages(applicationId: string, credentialNumber: string): BenchPage[] {
  const slug = benchCast.association.slug;
  return [
    { name: "home", path: "/", as: "anonymous", shows: "Cradle" },
    { name: "association", path: `/a/${slug}`, as: "anonymous", shows: benchCast.association.name },
    { name: "verification", path: `/verify/${credentialNumber}`, as: "anonymous", shows: "Active: this credential is valid." },
    { name: "progress", path: "/progress", as: "applicant", shows: "Infant Family Specialist" },
    { name: "portfolio", path: "/portfolio", as: "applicant", shows: "/portfolio?show=training" },
    { name: "staff applications", path: `/a/${slug}/applications`, as: "staff", shows: `/a/${slug}/applications/${applicationId}` },
    { name: "application file", path: `/a/${slug}/applications/${applicationId}`, as: "staff", shows: "Applicant 0" },
  ];
}

/** What every request of the benchmark sends, as a browser would: the cookies of `as` are added to it. */
export const browserHeaders: Record<string, string> = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br",
  "accept-language": "en",
  "user-agent": "cradle-bench",
};
