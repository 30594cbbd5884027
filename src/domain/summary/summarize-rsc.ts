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
 * framework asks for), in groups small enough, and meeting the plan's own rules: for RS/C received,
 * never a peer, a qualified provider, about the RS/C provided where asked; for RS/C provided, after
 * the endorsement and to a leader where asked. Fills the kept session indexes, their days, and the
 * running sums of their hours and of a second number (received: hours about the RS/C provided;
 * provided: group sessions), the sum of the first i at index i. One loop with no callback: this is
 * the summary path's hottest.
 */
function gather(sessions: CompiledSessions, plan: ReceivedPlan | ProvidedPlan, asOf: Day, providedAfter: number | null) {
  const isReceived = "providers" in plan;
  const providers = isReceived ? plan.providers : null;
  const providersFrom = isReceived ? plan.providersFrom : 0;
  const acceptVetted = isReceived && plan.acceptVetted;
  const onlyAboutProvided = isReceived && plan.onlyAboutProvided;
  const needsCredential = !isReceived && plan.afterCredential !== null;
  const toLeader = !isReceived && plan.toLeader;
  const earliest = plan.withinMonths ? addMonths(asOf, -plan.withinMonths) : Number.NEGATIVE_INFINITY;
  const maxGroupSize = plan.maxGroupSize;
  const kept = keptScratch.take(sessions.count);
  const days = dayScratch.take(sessions.count);
  const hours = hoursScratch.take(sessions.count + 1);
  const parts = partScratch.take(sessions.count + 1);
  let length = 0;
  hours[0] = 0;
  parts[0] = 0;
  for (let index = 0; index < sessions.count; index++) {
    const day = sessions.day[index]!;
    const flags = sessions.flags[index]!;
    if (day > asOf || day <= earliest) continue;
    if ((flags & flag.group) !== 0 && sessions.groupSize[index]! > maxGroupSize) continue;
    if (isReceived) {
      if ((flags & flag.peer) !== 0) continue;
      if (providers !== null && day >= providersFrom) {
        const isQualified = (flags & flag.provider) !== 0 && (providerHolds(sessions, index, providers, day) || (acceptVetted && (flags & flag.vetted) !== 0));
        if (!isQualified) continue;
      }
      if (onlyAboutProvided && (flags & flag.aboutProvided) === 0) continue;
    } else {
      if (needsCredential && (providedAfter === null || day < providedAfter)) continue;
      if (toLeader && (flags & flag.toLeader) === 0) continue;
    }
    const sessionHours = sessions.hours[index]!;
    kept[length] = index;
    days[length] = day;
    hours[length + 1] = hours[length]! + sessionHours;
    parts[length + 1] = parts[length]! + (isReceived ? ((flags & flag.aboutProvided) !== 0 ? sessionHours : 0) : (flags & flag.group) !== 0 ? 1 : 0);
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
  const { hasAboutProvided, aboutProvidedHours, hours: need, minSpanMonths: span } = plan;
  const { length, days, hours, parts: about } = gather(sessions, plan, asOf, null);

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
  const { afterCredential, minRecipients, minSpanMonths, bothFormats, hours: need } = plan;
  const after = afterCredential ? earnedWordOn(short.credentials, afterCredential) : null;
  const { length, kept, days, hours, parts: groups } = gather(sessions, plan, asOf, after);

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
