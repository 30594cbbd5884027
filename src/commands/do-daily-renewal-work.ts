import { z } from "zod";
import { findCredentialForRenewalWork, listRemindersOfCurrentPeriod, recordReminderSent } from "../data/credential-renewal-reminders.ts";
import { changeCredentialStatus } from "../data/credentials.ts";
import { findRenewalCycle } from "../data/renewal-cycles.ts";
import type { CredentialStatus } from "../data/schema.ts";
import { toDay, toIso } from "../domain/dates.ts";
import { dailyRenewalWork, lateDateAfter, type ReminderKind, removalDateAfter, type RenewalCycle } from "../domain/renewal-cycle.ts";
import { dollars, type LocalizedText } from "../i18n/format.ts";
import type { Message } from "../i18n/translate.ts";
import { defineCommand, done, unchanged } from "./define-command.ts";
import { findCategory } from "./shared/find-category.ts";

type Credential = NonNullable<Awaited<ReturnType<typeof findCredentialForRenewalWork>>>;

const daysBefore = { "due-in-60": 60, "due-in-30": 30, "due-in-7": 7 } as const;

/** A renewal reminder in its recipient's words: the due date, the fees and the dates of the cycle. */
function reminderMessage(kind: ReminderKind, cycle: RenewalCycle, credential: Credential, category: LocalizedText): Message {
  const due = credential.renewal_due;
  const values = {
    category,
    number: credential.number,
    association: credential.associationName,
    due,
    late: lateDateAfter(cycle, due),
    removal: removalDateAfter(cycle, due),
    fee: dollars(cycle.renewalFeeCents),
    lateFee: dollars(cycle.lateFeeCents),
  };
  if (kind === "lapsed") return { key: "notice.credentialLapsed", values };
  if (kind === "removal-soon") return { key: "notice.credentialRemovalSoon", values };
  return { key: "notice.credentialRenewalDue", values: { ...values, days: daysBefore[kind] } };
}

/**
 * What the renewal cycle calls for today for one credential, in the association's time zone
 * (`dailyRenewalWork`): the move to lapsed or removed, through `changeCredentialStatus` with no
 * person as its author, and the reminders not yet sent for the period, each recorded under a unique
 * key in the transaction that queues its mail. A credential that should be removed but was never
 * lapsed (the job did not run in between) gets both steps in its history, each on the day the cycle
 * set for it. Run again the same day, it changes nothing and is not audited.
 */
export const doDailyRenewalWork = defineCommand({
  name: "credential.daily-renewal-work",
  actors: ["system"],
  input: z.object({ credentialId: z.string() }),
  async run({ tx, input, now, today, notify, context }) {
    const credential = await findCredentialForRenewalWork(tx, input.credentialId);
    if (!credential) return unchanged(null);
    const cycle = await findRenewalCycle(tx, credential.association_id);
    const due = credential.renewal_due;
    const sent = (await listRemindersOfCurrentPeriod(tx, [credential.id])).map((reminder) => reminder.kind);
    const work = dailyRenewalWork(cycle, { status: credential.status, due }, today(credential.time_zone), sent);

    const moves: Array<{ from: CredentialStatus; to: CredentialStatus; effectiveOn: string; now: Date }> = [];
    // A credential lapses the day after its due date, and is removed on its removal date. Both at once,
    // the lapse is recorded a millisecond first: the history is in the order of its records' times.
    if (work.moveTo && credential.status === "active")
      moves.push({ from: "active", to: "lapsed", effectiveOn: toIso(toDay(due) + 1), now: work.moveTo === "removed" ? new Date(now.getTime() - 1) : now });
    if (work.moveTo === "removed") moves.push({ from: "lapsed", to: "removed", effectiveOn: removalDateAfter(cycle, due), now });
    for (const move of moves) await changeCredentialStatus(tx, { credentialId: credential.id, ...move, changedBy: null });

    const { category } = findCategory(context, credential.framework_id, credential.category_id);
    const reminded: ReminderKind[] = [];
    for (const kind of work.reminders) {
      if (!(await recordReminderSent(tx, { credentialId: credential.id, due, kind, now }))) continue;
      await notify(credential.user_id, `credential-renewal-${kind}`, reminderMessage(kind, cycle, credential, category.name), "/credentials");
      reminded.push(kind);
    }

    if (moves.length === 0 && reminded.length === 0) return unchanged(null);
    const status = moves.at(-1)?.to ?? credential.status;
    return done(
      { type: "credential", id: credential.id, associationId: credential.association_id },
      { status, reminded },
      {
        number: credential.number,
        due,
        from: credential.status,
        to: status,
        reminded,
      },
    );
  },
});
