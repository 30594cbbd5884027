import type { CommandContext } from "../commands/command-context.ts";
import { runCommand } from "../commands/define-command.ts";
import { doDailyRenewalWork } from "../commands/do-daily-renewal-work.ts";
import { listCredentialsForRenewalWork, listRemindersOfCurrentPeriod, type RenewalWorkCursor } from "../data/credential-renewal-reminders.ts";
import { findRenewalCycle } from "../data/renewal-cycles.ts";
import { toDay, toIso, today } from "../domain/dates.ts";
import { dailyRenewalWork, type ReminderKind, type RenewalCycle } from "../domain/renewal-cycle.ts";
import { systemActor } from "../policies/actor.ts";

/** The first reminder goes this many days before the due date: nothing is owed to a credential due later. */
const firstReminderDays = 60;

export type RenewalJobCounts = { lapsed: number; removed: number; reminders: number };

/**
 * The renewal cycle's daily work for every association: active credentials past their due date
 * lapse, lapsed ones past the removal date are removed, and the reminders each credential is owed
 * today (in its association's time zone) go out. It reads the credentials in batches and runs one
 * command, one short transaction, per credential that has work; the command decides again under
 * the credential's lock, so running twice, or in two processes at once, does nothing more.
 */
export async function doCredentialRenewals(context: CommandContext, { batchSize = 200 } = {}): Promise<RenewalJobCounts> {
  const now = context.now();
  // No place's today is later than Kiritimati's (UTC+14): nothing due after its today plus 60 days is owed anything.
  const dueOnOrBefore = toIso(toDay(today("Pacific/Kiritimati", now)) + firstReminderDays);
  const cycles = new Map<string, Promise<RenewalCycle>>();
  const cycleOf = (associationId: string) => {
    if (!cycles.has(associationId)) cycles.set(associationId, findRenewalCycle(context.db, associationId));
    return cycles.get(associationId)!;
  };
  const counts: RenewalJobCounts = { lapsed: 0, removed: 0, reminders: 0 };
  let cursor: RenewalWorkCursor | null = null;
  for (;;) {
    const batch = await listCredentialsForRenewalWork(context.db, dueOnOrBefore, cursor, batchSize);
    const sent = new Map<string, ReminderKind[]>();
    for (const reminder of await listRemindersOfCurrentPeriod(
      context.db,
      batch.map((credential) => credential.id),
    ))
      sent.set(reminder.credential_id, [...(sent.get(reminder.credential_id) ?? []), reminder.kind]);
    for (const credential of batch) {
      const work = dailyRenewalWork(
        await cycleOf(credential.association_id),
        { status: credential.status, due: credential.renewal_due },
        today(credential.time_zone, now),
        sent.get(credential.id) ?? [],
      );
      if (!work.moveTo && work.reminders.length === 0) continue;
      const result = await runCommand(context, doDailyRenewalWork, systemActor("credential-renewals"), { credentialId: credential.id });
      if (!result.ok || !result.value) continue;
      if (result.value.status !== credential.status) counts[result.value.status === "removed" ? "removed" : "lapsed"]++;
      counts.reminders += result.value.reminded.length;
    }
    if (batch.length < batchSize) return counts;
    const last = batch.at(-1)!;
    cursor = { due: last.renewal_due, id: last.id };
  }
}
