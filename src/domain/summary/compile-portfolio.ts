import { toDay } from "../dates.ts";
import { type Portfolio, workKinds } from "../portfolio-schema.ts";
import { type PreparedPortfolio, preparePortfolio } from "../prepare-portfolio.ts";
import { type CompiledShort, compileShort } from "./compile-short.ts";
import { Scratch } from "./scratch.ts";
import { vocabulary } from "./vocabulary.ts";

/**
 * A portfolio read once for the summary path: each long section (training, RS/C, work) as
 * columns of numbers in one buffer, dates as day numbers, the words frameworks filter on as
 * vocabulary numbers, sessions in day order; the short sections as small objects of numbers. Lists of several values per entry (an entry's domains,
 * a provider's endorsements) are flat, with a start per entry: entry i's at [start[i], start[i + 1]).
 */
export type CompiledPortfolio = {
  source: Portfolio;
  vocabularySize: number;
  short: CompiledShort;
  /** The portfolio as the full report reads it, prepared on first use (only the exam's rules read it). */
  prepared: () => PreparedPortfolio;
  training: CompiledTraining;
  received: CompiledSessions;
  provided: CompiledSessions;
  work: CompiledWork;
};

export const flag = { repeat: 1, group: 2, provider: 4, peer: 8, vetted: 16, aboutProvided: 32, toLeader: 64 } as const;
export const workFlag = { paid: 1, relationshipFocused: 2, withParents: 4, supervised: 8, hasAges: 16 } as const;

export type CompiledTraining = Columns<"day" | "clockHours" | "academicHours" | "flags" | "domainStart" | "topicStart"> & {
  domains: Int32Array;
  topics: Int32Array;
};

/** Sessions of one direction, by day then id (the order the full report sums them in). */
export type CompiledSessions = Columns<"day" | "hours" | "flags" | "groupSize" | "credentialStart" | "recipientStart"> & {
  /** A provider's endorsements in force, of categories some framework names: the word, first day, last day (Infinity: no end). */
  credential: Int32Array;
  credentialFrom: Int32Array;
  credentialUntil: Float64Array;
  /** Numbers for recipients' names (trimmed, any case), distinct within the portfolio. */
  recipient: Int32Array;
};

/** Jobs in id order (the order the full report adds families in), with `byStart` listing them by first day; `jobs` for their ages and families. */
export type CompiledWork = Columns<"start" | "end" | "kind" | "flags" | "agesFrom" | "agesTo" | "families" | "infantFamilies" | "earlyFamilies"> & {
  byStart: Int32Array;
};

type Columns<Name extends string> = { count: number } & Record<Name, Float64Array>;

/** Columns of `count` numbers (plus one, for starts) carved from one buffer: one allocation a section. */
function columns<Name extends string>(names: readonly Name[], count: number): Columns<Name> {
  const buffer = new Float64Array(names.length * (count + 1));
  const result = { count } as Columns<Name>;
  names.forEach((name, index) => {
    (result as Record<string, unknown>)[name] = buffer.subarray(index * (count + 1), (index + 1) * (count + 1));
  });
  return result;
}

export function compilePortfolio(portfolio: Portfolio): CompiledPortfolio {
  const sessions = portfolio.reflectiveSupervision;
  let prepared: PreparedPortfolio | undefined;
  return {
    source: portfolio,
    vocabularySize: vocabulary.size(),
    short: compileShort(portfolio),
    prepared: () => (prepared ??= preparePortfolio(portfolio)),
    training: compileTraining(portfolio.training),
    received: compileSessions(
      sessions.filter((session) => session.direction === "received"),
      "received",
    ),
    provided: compileSessions(
      sessions.filter((session) => session.direction === "provided"),
      "provided",
    ),
    work: compileWork(portfolio.work),
  };
}

function compileTraining(entries: Portfolio["training"]): CompiledTraining {
  const compiled = columns(["day", "clockHours", "academicHours", "flags", "domainStart", "topicStart"] as const, entries.length);
  const domains: number[] = [];
  const topics: number[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    compiled.day[index] = toDay(entry.date);
    compiled.clockHours[index] = entry.clockHours ?? Number.NaN;
    compiled.academicHours[index] = entry.academicCourseHours ?? 0;
    for (const domain of entry.domains) {
      const word = vocabulary.domain(domain);
      if (word >= 0) domains.push(word);
    }
    for (const topic of entry.topics) {
      const word = vocabulary.topic(topic);
      if (word >= 0) topics.push(word);
    }
    compiled.domainStart[index + 1] = domains.length;
    compiled.topicStart[index + 1] = topics.length;
  }
  markRepeats(entries, compiled);
  return { ...compiled, domains: Int32Array.from(domains), topics: Int32Array.from(topics) };
}

const seenDays = new Scratch();

/** Repeats share a date: only when two entries do (a rare case, found with a small hash table of days) are titles and providers compared. */
function markRepeats(entries: Portfolio["training"], compiled: Columns<"day" | "flags">) {
  let size = 64;
  while (size < entries.length * 2) size *= 2;
  const table = seenDays.zeroed(size);
  let hasSharedDay = false;
  for (let index = 0; index < entries.length && !hasSharedDay; index++) {
    const day = compiled.day[index]!;
    let slot = (day * 31) & (size - 1);
    while (table[slot] !== 0 && table[slot] !== day + 1) slot = (slot + 1) & (size - 1);
    hasSharedDay = table[slot] === day + 1;
    table[slot] = day + 1;
  }
  if (!hasSharedDay) return;
  // The entry with the smallest id counts; the others with its date, title and provider are repeats.
  const kept = new Map<string, number>();
  entries.forEach((entry, index) => {
    const key = `${entry.date}|${entry.title.trim().toLowerCase()}|${(entry.provider ?? "").trim().toLowerCase()}`;
    const other = kept.get(key);
    if (other === undefined) kept.set(key, index);
    else if (entries[other]!.id < entry.id) compiled.flags[index] = flag.repeat;
    else {
      compiled.flags[other] = flag.repeat;
      kept.set(key, index);
    }
  });
}

/** Session indexes by day, then id; sorted as numbers (day and index in one key), ids compared only within a day. */
function byDayThenId(sessions: Portfolio["reflectiveSupervision"], days: Float64Array): number[] {
  const keys = new Float64Array(sessions.length);
  for (let index = 0; index < sessions.length; index++) keys[index] = days[index]! * 1_048_576 + index;
  keys.sort();
  const order = Array.from(keys, (key) => key % 1_048_576);
  for (let first = 0; first < order.length;) {
    let end = first + 1;
    while (end < order.length && days[order[end]!] === days[order[first]!]) end++;
    if (end - first > 1) {
      const sameDay = order.slice(first, end).sort((a, b) => (sessions[a]!.id < sessions[b]!.id ? -1 : 1));
      order.splice(first, end - first, ...sameDay);
    }
    first = end;
  }
  return order;
}

/** Sessions of one direction: a received session's provider's endorsements, a provided session's recipients (each direction reads only its own). */
function compileSessions(unsorted: Portfolio["reflectiveSupervision"], direction: "received" | "provided"): CompiledSessions {
  const days = new Float64Array(unsorted.length);
  for (let index = 0; index < unsorted.length; index++) days[index] = toDay(unsorted[index]!.date);
  const order = byDayThenId(unsorted, days);
  const compiled = columns(["day", "hours", "flags", "groupSize", "credentialStart", "recipientStart"] as const, order.length);
  const credentials: number[] = [];
  const credentialFrom: number[] = [];
  const credentialUntil: number[] = [];
  const recipients: number[] = [];
  const names = new Map<string, number>();
  for (let at = 0; at < order.length; at++) {
    const session = unsorted[order[at]!]!;
    const provider = session.provider;
    compiled.day[at] = days[order[at]!]!;
    compiled.hours[at] = session.hours;
    compiled.groupSize[at] = session.groupSize ?? 0;
    compiled.flags[at] =
      (session.format === "group" ? flag.group : 0) |
      (session.aboutProvidedRsc ? flag.aboutProvided : 0) |
      (session.recipientLeader ? flag.toLeader : 0) |
      (provider ? flag.provider | (provider.isPeer ? flag.peer : 0) | (provider.vetted ? flag.vetted : 0) : 0);
    if (provider && direction === "received") {
      for (const credential of provider.credentials) {
        const word = vocabulary.credential(credential.framework, credential.category);
        if (word < 0 || (credential.status !== "active" && credential.status !== "emerging")) continue;
        credentials.push(word);
        credentialFrom.push(toDay(credential.earned));
        credentialUntil.push(credential.expires ? toDay(credential.expires) : Number.POSITIVE_INFINITY);
      }
    }
    compiled.credentialStart[at + 1] = credentials.length;
    if (direction === "provided") {
      for (const name of session.recipients) {
        const key = name.trim().toLowerCase();
        let number = names.get(key);
        if (number === undefined) names.set(key, (number = names.size));
        recipients.push(number);
      }
    }
    compiled.recipientStart[at + 1] = recipients.length;
  }
  return {
    ...compiled,
    credential: Int32Array.from(credentials),
    credentialFrom: Int32Array.from(credentialFrom),
    credentialUntil: Float64Array.from(credentialUntil),
    recipient: Int32Array.from(recipients),
  };
}

function compileWork(unsorted: Portfolio["work"]): CompiledWork {
  const jobs = [...unsorted].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const compiled = columns(["start", "end", "kind", "flags", "agesFrom", "agesTo", "families", "infantFamilies", "earlyFamilies"] as const, jobs.length);
  jobs.forEach((job, index) => {
    compiled.start[index] = toDay(job.start);
    compiled.end[index] = job.end ? toDay(job.end) : Number.NaN;
    compiled.kind[index] = workKinds.indexOf(job.kind);
    compiled.flags[index] =
      (job.paid ? workFlag.paid : 0) |
      (job.relationshipFocused ? workFlag.relationshipFocused : 0) |
      (job.withParents ? workFlag.withParents : 0) |
      (job.supervisor?.trim() ? workFlag.supervised : 0) |
      (job.ages ? workFlag.hasAges : 0);
    compiled.agesFrom[index] = job.ages?.fromMonths ?? 0;
    compiled.agesTo[index] = job.ages?.toMonths ?? 0;
    compiled.families[index] = job.familiesServed;
    compiled.infantFamilies[index] = job.familiesByBand?.infant ?? Number.NaN;
    compiled.earlyFamilies[index] = job.familiesByBand?.earlyChildhood ?? Number.NaN;
  });
  const byStart = Int32Array.from(jobs.keys()).sort((a, b) => compiled.start[a]! - compiled.start[b]!);
  return { ...compiled, byStart };
}
