import { type Day, toDay } from "./dates.ts";
import type { EducationLevel } from "./portfolio-codes.ts";
import type { CredentialRef, HeldCredential, Portfolio } from "./portfolio-schema.ts";

/** A portfolio with its dates read once, so evaluating many categories does not parse them again. */
export type PreparedPortfolio = {
  portfolio: Portfolio;
  education: Array<{ entry: Portfolio["education"][number]; completed: Day | null }>;
  work: Array<{ entry: Portfolio["work"][number]; start: Day; end: Day | null }>;
  /** `isRepeat`: the same title, date and provider as an entry before it (in id order): it counts once. */
  training: Array<{ entry: Portfolio["training"][number]; day: Day; isRepeat: boolean }>;
  rsc: Array<{ entry: Portfolio["reflectiveSupervision"][number]; day: Day }>;
  reading: Array<{ entry: Portfolio["reading"][number]; day: Day }>;
  video: Array<{ entry: Portfolio["video"][number]; day: Day }>;
};

/** Entries in id order: the result must not depend on the order a person typed them in. */
const byId = <T extends { id: string }>(entries: T[]) => [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const dated = <T extends { id: string; date: string }>(entries: T[]) => byId(entries).map((entry) => ({ entry, day: toDay(entry.date) }));

export function preparePortfolio(portfolio: Portfolio): PreparedPortfolio {
  return {
    ...prepareShortSections(portfolio),
    work: prepareWork(portfolio),
    training: markRepeats(dated(portfolio.training)),
    rsc: dated(portfolio.reflectiveSupervision),
  };
}

/** The sections a person has a handful of entries in, sorted and dated; the summary path reads them as the full report does. */
export function prepareShortSections(portfolio: Portfolio): Omit<PreparedPortfolio, "work" | "training" | "rsc"> {
  const sorted: Portfolio = {
    ...portfolio,
    education: byId(portfolio.education),
    licences: byId(portfolio.licences),
    references: byId(portfolio.references),
    documents: byId(portfolio.documents),
    observations: byId(portfolio.observations),
    exams: byId(portfolio.exams),
    memberships: byId(portfolio.memberships),
  };
  return {
    portfolio: sorted,
    education: sorted.education.map((entry) => ({ entry, completed: entry.completed ? toDay(entry.completed) : null })),
    reading: dated(portfolio.reading),
    video: dated(portfolio.video),
  };
}

export const prepareWork = (portfolio: Portfolio): PreparedPortfolio["work"] =>
  byId(portfolio.work).map((entry) => ({ entry, start: toDay(entry.start), end: entry.end ? toDay(entry.end) : null }));

function markRepeats(training: Array<{ entry: Portfolio["training"][number]; day: Day }>) {
  const seen = new Set<string>();
  return training.map((item) => {
    const key = `${item.entry.title.trim().toLowerCase()}|${item.entry.date}|${(item.entry.provider ?? "").trim().toLowerCase()}`;
    const isRepeat = seen.has(key);
    seen.add(key);
    return { ...item, isRepeat };
  });
}

export const educationRank: Record<EducationLevel, number> = { "high-school": 0, cda: 1, associate: 2, bachelor: 3, master: 4, doctorate: 5 };

/** The day the person first completed a degree at `level` or higher, or null. */
export function completedLevelOn(prepared: PreparedPortfolio, level: EducationLevel, asOf: Day): Day | null {
  let earliest: Day | null = null;
  for (const { entry, completed } of prepared.education) {
    if (completed === null || completed > asOf || educationRank[entry.level] < educationRank[level]) continue;
    if (earliest === null || completed < earliest) earliest = completed;
  }
  return earliest;
}

/** Whether a credential in `held` matches one of `wanted` and was in force on `day`. */
export function holdsOn(held: readonly HeldCredential[], wanted: readonly CredentialRef[], day: Day): boolean {
  return held.some(
    (credential) =>
      wanted.some((ref) => ref.framework === credential.framework && ref.category === credential.category) &&
      (credential.status === "active" || credential.status === "emerging") &&
      toDay(credential.earned) <= day &&
      (credential.expires === undefined || toDay(credential.expires) >= day),
  );
}

/** The first day on which the person held one of `wanted`, or null. */
export function earnedOn(held: readonly HeldCredential[], wanted: readonly CredentialRef[]): Day | null {
  const days = held
    .filter((credential) => wanted.some((ref) => ref.framework === credential.framework && ref.category === credential.category))
    .filter((credential) => credential.status !== "revoked")
    .map((credential) => toDay(credential.earned));
  return days.length === 0 ? null : Math.min(...days);
}
