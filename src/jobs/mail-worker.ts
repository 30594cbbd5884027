import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Db } from "../data/database.ts";
import { claimDueMail, markMailFailed, markMailSent } from "../data/outbox.ts";

export const maxMailAttempts = 8;
const leaseMs = 2 * 60 * 1000;

/** Wait before the next try: 30 s, 1 min, 2 min ... capped at 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 6 * 60 * 60 * 1000);
}

export type MailWorker = {
  /** Sends what is due now; returns how many were handled. */
  runOnce(): Promise<number>;
  /** Asks for a run soon, e.g. right after a transaction that wrote mail committed. */
  wake(): void;
  stop(): Promise<void>;
};

export type MailWorkerOptions = {
  db: Db;
  smtpUrl: string | undefined;
  from: string;
  logger: Logger;
  now?: () => Date;
  pollMs?: number;
};

/**
 * Sends the outbox. Without SMTP_URL the messages stay readable in the dev mailbox and are
 * marked sent, so nothing piles up.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const now = options.now ?? (() => new Date());
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  let running: Promise<number> | undefined;
  let runAgainAfterRunning = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let timerDueAt = Infinity;

  async function deliverDue(): Promise<number> {
    let handled = 0;
    for (;;) {
      const batch = await claimDueMail(options.db, now(), leaseMs, 20);
      if (batch.length === 0) return handled;
      for (const message of batch) {
        try {
          await transport?.sendMail({
            from: options.from,
            to: message.to_address,
            subject: message.subject,
            text: message.text_body,
            html: message.html_body,
          });
          await markMailSent(options.db, message.id, now());
        } catch (error) {
          const attempts = message.attempts + 1;
          const retryAt = attempts >= maxMailAttempts ? null : new Date(now().getTime() + retryDelayMs(attempts));
          options.logger.warn({ mailId: message.id, attempts, err: error }, "mail delivery failed");
          await markMailFailed(options.db, message.id, attempts, String((error as Error)?.message ?? error), retryAt);
        }
        handled++;
      }
    }
  }

  function runOnce(): Promise<number> {
    running ??= deliverDue().finally(() => {
      running = undefined;
      if (runAgainAfterRunning) {
        runAgainAfterRunning = false;
        schedule(0);
      }
    });
    return running;
  }

  /**
   * Runs after `delayMs` unless a run is already due sooner: wakes come with every request that
   * queues mail (anonymous ones too), so re-arming on each would starve a send that is due.
   */
  function schedule(delayMs: number) {
    if (stopped) return;
    const dueAt = performance.now() + delayMs;
    if (timer && timerDueAt <= dueAt) return;
    clearTimeout(timer);
    timerDueAt = dueAt;
    timer = setTimeout(() => {
      timer = undefined;
      timerDueAt = Infinity;
      runOnce()
        .catch((error) => options.logger.error({ err: error }, "mail worker run failed"))
        .finally(() => schedule(options.pollMs ?? 5000));
    }, delayMs);
    timer.unref();
  }

  function wake() {
    // A run in progress may have claimed its batch before the new mail committed.
    if (running) runAgainAfterRunning = true;
    else schedule(50);
  }

  schedule(0);
  return {
    runOnce,
    wake,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
      transport?.close();
    },
  };
}
