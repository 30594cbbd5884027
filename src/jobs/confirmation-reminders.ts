import { listLinksDueReminder } from "../data/access-links.ts";
import type { CommandContext } from "../commands/command-context.ts";
import { runCommand } from "../commands/define-command.ts";
import { remindToConfirmEntries } from "../commands/remind-to-confirm-entries.ts";
import { systemActor } from "../policies/actor.ts";

const day = 24 * 60 * 60 * 1000;

/** Reminds providers who have not answered a list of entries, as raters are: after 7 days, and again after 14. Returns how many were reminded. */
export async function sendConfirmationReminders(context: CommandContext): Promise<number> {
  const now = context.now();
  let sent = 0;
  for (const nth of [1, 2]) {
    for (const link of await listLinksDueReminder(context.db, "confirm-entries", nth, new Date(now.getTime() - nth * 7 * day), now)) {
      const result = await runCommand(context, remindToConfirmEntries, systemActor("confirmation-reminders"), { linkId: link.id, nth });
      if (result.ok && result.value) sent++;
    }
  }
  return sent;
}
