import { listCandidaciesDueReminder } from "../data/candidacies.ts";
import type { CommandContext } from "../commands/command-context.ts";
import { runCommand } from "../commands/define-command.ts";
import { remindCandidate } from "../commands/remind-candidate.ts";
import { addMonths, toDay, today } from "../domain/dates.ts";
import { systemActor } from "../policies/actor.ts";

const atDay = (day: number) => new Date(day * 86_400_000);

/** Reminds candidates 12, 6 and 1 month before their status ends, counted from today where their association is. Returns how many were reminded. */
export async function sendCandidacyReminders(context: CommandContext): Promise<number> {
  const now = context.now();
  // No place's today is later than Kiritimati's (UTC+14): read up to its window, then keep those due where each association is.
  const latestToday = toDay(today("Pacific/Kiritimati", now));
  let sent = 0;
  for (const [nth, months] of [
    [1, 12],
    [2, 6],
    [3, 1],
  ] as const) {
    const candidates = await listCandidaciesDueReminder(context.db, nth, atDay(addMonths(latestToday, months)), now);
    const due = candidates.filter((candidacy) => candidacy.expires_at.getTime() <= atDay(addMonths(toDay(today(candidacy.time_zone, now)), months)).getTime());
    for (const candidacy of due) {
      const result = await runCommand(context, remindCandidate, systemActor("candidacy-reminders"), { candidacyId: candidacy.id, nth });
      if (result.ok && result.value) sent++;
    }
  }
  return sent;
}
