import type { Logger } from "pino";
import type { Db } from "../data/database.ts";
import { deleteStaleEmailTokens } from "../data/email-tokens.ts";
import { refreshPlannerStatistics } from "../data/planner-statistics.ts";
import { deleteStaleHits } from "../data/rate-limits.ts";
import { deleteExpiredSessions } from "../data/sessions.ts";
import type { CommandContext } from "../commands/command-context.ts";
import { sendReferenceReminders } from "./reference-reminders.ts";
import { sendCandidacyReminders } from "./candidacy-reminders.ts";
import { sendConfirmationReminders } from "./confirmation-reminders.ts";
import { doCredentialRenewals } from "./credential-renewals.ts";

const day = 24 * 60 * 60 * 1000;

/** Removes what has no use any more: expired sessions, old links, finished rate-limit windows. */
export async function purgeExpiredRecords(db: Db, now: Date): Promise<void> {
  await deleteExpiredSessions(db, now);
  await deleteStaleEmailTokens(db, new Date(now.getTime() - 7 * day));
  await deleteStaleHits(db, new Date(now.getTime() - day));
}

/**
 * Once an hour: the purge, the reminders and the renewal cycle's daily work (commands, which wake
 * the mail worker); failures are logged and tried again next time. The renewal work is done once a
 * day per credential: hourly runs reach each association's new day within an hour of its midnight,
 * and find nothing more to do the rest of the day. On the embedded database, which has no
 * autovacuum, the planner's statistics too.
 */
export function startHousekeeping(commandContext: () => CommandContext, logger: Logger, options: { refreshesPlannerStatistics: boolean }): { stop(): void } {
  const refreshStatistics = () => {
    if (options.refreshesPlannerStatistics) refreshPlannerStatistics(commandContext().db).catch((error) => logger.warn({ err: error }, "analyze failed"));
  };
  const timer = setInterval(
    () => {
      refreshStatistics();
      const context = commandContext();
      purgeExpiredRecords(context.db, context.now()).catch((error) => logger.warn({ err: error }, "housekeeping failed"));
      Promise.all([sendReferenceReminders(context), sendConfirmationReminders(context), sendCandidacyReminders(context)]).catch((error) =>
        logger.warn({ err: error }, "reminders failed"),
      );
      doCredentialRenewals(context).catch((error) => logger.warn({ err: error }, "credential renewals failed"));
    },
    60 * 60 * 1000,
  );
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
