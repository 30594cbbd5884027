import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import nodemailer from "nodemailer";
import type { Logger } from "pino";
import type { Db } from "../data/database.ts";
import { claimDueMail, markMailFailed, markMailSent, releaseMailClaimsOfOthers, renewMailClaims } from "../data/outbox.ts";

export const maxMailAttempts = 8;

/**
 * How long a claimed message stays with its worker. A live worker renews its claims every third of
 * the lease while it sends (a slow SMTP server costs no duplicate), so a claim lapses only when its
 * process died: then another process (PostgreSQL) takes the message after at most this long. A
 * worker alone on the embedded database takes a dead process's claims back at start, at once.
 */
export const mailLeaseMs = 60 * 1000;

/** nodemailer's waits, kept well inside the lease: a server that stops answering fails the try (retried later). */
const smtpTimeouts = { connectionTimeout: 10_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

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
  /**
   * No other process uses this database (the embedded one, whose data folder this process locked):
   * messages claimed by any other worker were claimed by a process that is gone, and are taken back at start.
   */
  isAloneOnDatabase?: boolean;
};

/**
 * Sends the outbox. Without SMTP_URL the messages stay readable in the dev mailbox and are
 * marked sent, so nothing piles up.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const now = options.now ?? (() => new Date());
  const transport = options.smtpUrl ? nodemailer.createTransport({ url: options.smtpUrl, ...smtpTimeouts }) : undefined;
  // One id per process start: a claim names the worker that holds it.
  const workerId = `${hostname()}/${process.pid}/${randomUUID()}`;
  const mailDomain = /@([^>\s]+)/.exec(options.from)?.[1] ?? "cradle.invalid";
  const leaseUntil = () => new Date(now().getTime() + mailLeaseMs);
  const takenBack = options.isAloneOnDatabase
    ? releaseMailClaimsOfOthers(options.db, workerId, now()).then(
        (count) => void (count > 0 && options.logger.info({ count }, "took back mail claimed by a process that stopped")),
        (error: unknown) => options.logger.error({ err: error }, "could not take back mail claimed by a stopped process"),
      )
    : Promise.resolve();
  let running: Promise<number> | undefined;
  let runAgainAfterRunning = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let timerDueAt = Infinity;

  async function deliverDue(): Promise<number> {
    await takenBack;
    let handled = 0;
    // While this run holds claims, it keeps them: a slow send does not let another worker send the same message.
    const renewal = setInterval(() => {
      renewMailClaims(options.db, workerId, leaseUntil()).catch((error: unknown) => options.logger.warn({ err: error }, "could not renew mail claims"));
    }, mailLeaseMs / 3);
    renewal.unref();
    try {
      return await deliverBatches();
    } finally {
      clearInterval(renewal);
    }

    async function deliverBatches(): Promise<number> {
      for (;;) {
        const batch = await claimDueMail(options.db, now(), mailLeaseMs, 20, workerId);
        if (batch.length === 0) return handled;
        for (const message of batch) {
          // Taken over meanwhile (this process stalled past the lease): the other worker sends it.
          if (!(await renewMailClaims(options.db, workerId, leaseUntil(), message.id))) continue;
          await deliver(message);
          handled++;
        }
      }
    }
  }

  async function deliver(message: Awaited<ReturnType<typeof claimDueMail>>[number]) {
    try {
      await transport?.sendMail({
        // The same id on every try: a mail that went out twice (a crash between sending and recording it) is one message to the reader's client.
        messageId: `<${message.id}@${mailDomain}>`,
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
