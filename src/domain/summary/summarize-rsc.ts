import { addMonths, type Day } from "../dates.ts";
import { type CompiledShort, earnedWordOn } from "./compile-short.ts";
import { round, Tally } from "../report.ts";
import { bestWindow, spanMonths, spreadsOver, type WindowScore } from "../requirements/reflective-supervision.ts";
import type { ProvidedPlan, ReceivedPlan } from "./compile-framework.ts";
import { type CompiledSessions, flag } from "./compile-portfolio.ts";
import { Scratch } from "./scratch.ts";
import type { Judged } from "./summarize-training.ts";

const tally = new Tally();
const keptScratch = new Scratch();
const dayScratch = new Scratch();
const hoursScratch = new Scratch();
const partScratch = new Scratch();
const seenScratch = new Scratch();

/**
 * The sessions counted before any window: dated by the date checked (and within the recency a
 * framework asks for), in groups small enough, and passing `keep`. Fills `kept` (session indexes),
 * `days`, and the running sums of their hours and of `part` (hours[i] is the sum of the first i).
 */
function gather(
  sessions: CompiledSessions,
  rule: { withinMonths: number; maxGroupSize: number },
  asOf: Day,
  keep: (index: number, day: Day) => boolean,
  part: (index: number) => number,
) {
  const earliest = rule.withinMonths ? addMonths(asOf, -rule.withinMonths) : Number.NEGATIVE_INFINITY;
  const maxGroupSize = rule.maxGroupSize;
  const kept = keptScratch.take(sessions.count);
  const days = dayScratch.take(sessions.count);
  const hours = hoursScratch.take(sessions.count + 1);
  const parts = partScratch.take(sessions.count + 1);
  let length = 0;
  hours[0] = 0;
  parts[0] = 0;
  for (let index = 0; index < sessions.count; index++) {
    const day = sessions.day[index]!;
    if (day > asOf || day <= earliest) continue;
    if ((sessions.flags[index]! & flag.group) !== 0 && sessions.groupSize[index]! > maxGroupSize) continue;
    if (!keep(index, day)) continue;
    kept[length] = index;
    days[length] = day;
    hours[length + 1] = hours[length]! + sessions.hours[index]!;
    parts[length + 1] = parts[length]! + part(index);
    length++;
  }
  return { length, kept, days: days.subarray(0, length), hours, parts };
}

/** Whether one of a session's provider's endorsements is in `wanted` and in force on `day`. */
function providerHolds(sessions: CompiledSessions, index: number, wanted: Uint8Array, day: Day): boolean {
  for (let at = sessions.credentialStart[index]!; at < sessions.credentialStart[index + 1]!; at++) {
    if (wanted[sessions.credential[at]!] === 1 && sessions.credentialFrom[at]! <= day && sessions.credentialUntil[at]! >= day) return true;
  }
  return false;
}

/** RS/C received, as `evaluateRscReceived` judges it, from the compiled sessions. */
export function summarizeRscReceived(plan: ReceivedPlan, sessions: CompiledSessions, asOf: Day): Judged {
  const { providers, providersFrom, acceptVetted, onlyAboutProvided, hasAboutProvided, aboutProvidedHours, hours: need, minSpanMonths: span } = plan;
  const {
    length,
    days,
    hours,
    parts: about,
  } = gather(
    sessions,
    plan,
    asOf,
    (index, day) => {
      const flags = sessions.flags[index]!;
      if ((flags & flag.peer) !== 0) return false;
      if (providers !== null && day >= providersFrom) {
        const qualified = (flags & flag.provider) !== 0 && (providerHolds(sessions, index, providers, day) || (acceptVetted && (flags & flag.vetted) !== 0));
        if (!qualified) return false;
      }
      return !onlyAboutProvided || (flags & flag.aboutProvided) !== 0;
    },
    (index) => ((sessions.flags[index]! & flag.aboutProvided) !== 0 ? sessions.hours[index]! : 0),
  );
  const tallyOf = (from: number, to: number) => {
    tally.reset().add(round(hours[to]! - hours[from]!), need);
    if (hasAboutProvided) tally.add(round(about[to]! - about[from]!), aboutProvidedHours);
    return tally;
  };
  const spanIsMet = (from: number, to: number) => span === 0 || (to > from && spreadsOver(days[from]!, days[to - 1]!, span));
  const score: WindowScore = (from, to, into) => {
    const judged = tallyOf(from, to);
    const spanMet = spanIsMet(from, to);
    into[0] = judged.status === "met" && !spanMet ? 0.95 : judged.progress;
    into[1] = spanMet ? 1 : 0;
    into[2] = hours[to]! - hours[from]!;
  };
  const { from, to } = plan.windowMonths ? bestWindow(days, plan.windowMonths, score) : { from: 0, to: length };
  return withCondition(tallyOf(from, to), spanIsMet(from, to));
}

/** RS/C provided, as `evaluateRscProvided` judges it, from the compiled sessions. */
export function summarizeRscProvided(plan: ProvidedPlan, sessions: CompiledSessions, short: CompiledShort, asOf: Day): Judged {
  const { afterCredential, toLeader, minRecipients, minSpanMonths, bothFormats, hours: need } = plan;
  const after = afterCredential ? earnedWordOn(short.credentials, afterCredential) : null;
  const {
    length,
    kept,
    days,
    hours,
    parts: groups,
  } = gather(
    sessions,
    plan,
    asOf,
    (index, day) => !(afterCredential && (after === null || day < after)) && !(toLeader && (sessions.flags[index]! & flag.toLeader) === 0),
    (index) => ((sessions.flags[index]! & flag.group) !== 0 ? 1 : 0),
  );
  const recipients = minRecipients > 0 ? new RecipientCounter(sessions, kept) : null;
  const tallyOf = (from: number, to: number) => {
    tally.reset().add(round(hours[to]! - hours[from]!), need);
    if (recipients) tally.add(recipients.count(from, to), minRecipients);
    if (minSpanMonths) tally.add(to > from ? spanMonths(days[from]!, days[to - 1]!) : 0, minSpanMonths);
    return tally;
  };
  const formatsMet = (from: number, to: number) => !bothFormats || (groups[to]! - groups[from]! > 0 && groups[to]! - groups[from]! < to - from);
  const score: WindowScore = (from, to, into) => {
    const judged = tallyOf(from, to);
    const met = formatsMet(from, to);
    into[0] = judged.status === "met" && !met ? 0.95 : judged.progress;
    into[1] = met ? 1 : 0;
    into[2] = hours[to]! - hours[from]!;
  };
  const { from, to } = plan.windowMonths ? bestWindow(days, plan.windowMonths, score) : { from: 0, to: length };
  return withCondition(tallyOf(from, to), formatsMet(from, to));
}

/** As `judge`: numbers met but the extra condition not is partly met, at 95%. */
function withCondition(judged: Tally, isMet: boolean): Judged {
  const status = !isMet && judged.status === "met" ? "partly-met" : judged.status;
  return { status, progress: status === "partly-met" && judged.progress === 1 ? 0.95 : judged.progress };
}

/**
 * Distinct recipients in a window. The windows `bestWindow` asks about move forward at both ends,
 * so a count per recipient is kept up to date as they slide; a window behind is counted afresh.
 */
class RecipientCounter {
  private readonly sessions: CompiledSessions;
  private readonly kept: Float64Array;
  private readonly seen: Float64Array;
  private from = 0;
  private to = 0;
  private distinct = 0;

  constructor(sessions: CompiledSessions, kept: Float64Array) {
    this.sessions = sessions;
    this.kept = kept;
    let names = 0;
    for (const name of sessions.recipient) names = Math.max(names, name + 1);
    this.seen = seenScratch.zeroed(names);
  }

  count(from: number, to: number): number {
    if (from < this.from || to < this.to) {
      this.seen.fill(0);
      this.from = this.to = this.distinct = 0;
    }
    while (this.to < to) this.add(this.to++, 1);
    while (this.from < from) this.add(this.from++, -1);
    return this.distinct;
  }

  private add(at: number, step: 1 | -1) {
    const index = this.kept[at]!;
    for (let name = this.sessions.recipientStart[index]!; name < this.sessions.recipientStart[index + 1]!; name++) {
      const recipient = this.sessions.recipient[name]!;
      const before = this.seen[recipient]!;
      this.seen[recipient] = before + step;
      if (step === 1 && before === 0) this.distinct++;
      if (step === -1 && before === 1) this.distinct--;
    }
  }
}
