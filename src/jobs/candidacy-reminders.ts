import { listCandidaciesDueReminder } from "../data/candidacies.ts";
import type { CommandContext } from "../commands/command-context.ts";
import { runCommand } from "../commands/define-command.ts";
import { remindCandidate } from "../commands/remind-candidate.ts";
import { addMonths, toDay } from "../domain/dates.ts";
import { systemActor } from "../policies/actor.ts";

const atDay = (day: number) => new Date(day * 86_400_000);

/** Reminds candidates 12, 6 and 1 month before their status ends. Returns how many were reminded. */
export async function sendCandidacyReminders(context: CommandContext): Promise<number> {
  const now = context.now();
  const today = toDay(now.toISOString().slice(0, 10));
  let sent = 0;
  for (const [nth, months] of [[1, 12], [2, 6], [3, 1]] as const) {
    for (const candidacy of await listCandidaciesDueReminder(context.db, nth, atDay(addMonths(today, months)), now)) {
      const result = await runCommand(context, remindCandidate, systemActor("candidacy-reminders"), { candidacyId: candidacy.id, nth });
      if (result.ok && result.value) sent++;
    }
  }
  return sent;
}
