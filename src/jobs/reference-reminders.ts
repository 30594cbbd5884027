import { listLinksDueReminder } from "../data/access-links.ts";
import type { CommandContext } from "../commands/command-context.ts";
import { runCommand } from "../commands/define-command.ts";
import { remindRater } from "../commands/remind-rater.ts";
import { systemActor } from "../policies/actor.ts";

const day = 24 * 60 * 60 * 1000;

/** Reminds raters who have not answered: after 7 days, and again after 14. Returns how many were reminded. */
export async function sendReferenceReminders(context: CommandContext): Promise<number> {
  const now = context.now();
  let sent = 0;
  for (const nth of [1, 2]) {
    for (const link of await listLinksDueReminder(context.db, "reference", nth, new Date(now.getTime() - nth * 7 * day), now)) {
      const result = await runCommand(context, remindRater, systemActor("reference-reminders"), { linkId: link.id, nth });
      if (result.ok && result.value) sent++;
    }
  }
  return sent;
}
