import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { browserWaitMs } from "./test-timeouts.ts";

export type ReceivedMail = { to: string[]; from: string; subject: string; text: string; html: string };

/** A real SMTP server on a random local port; tests read what Cradle actually delivered. */
export async function startSmtpInbox() {
  const received: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  let failNext = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (failNext > 0) {
        failNext--;
        return callback(Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
          });
          waiters.splice(0).forEach((wake) => wake());
          callback();
        })
        .catch(callback);
    },
  });
  // The crash tests kill Cradle while it may be sending: its socket is reset mid-exchange, which
  // smtp-server reports as an error event; unheard, that event would fail whichever test runs then.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The next recipient addresses are refused with a temporary error. */
    refuseNext(count: number) {
      failNext = count;
    },
    async waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs = browserWaitMs()): Promise<ReceivedMail> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(predicate);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`No matching mail arrived; received: ${received.map((m) => `${m.to.join(",")} ${m.subject}`).join(", ") || "none"}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function linkIn(mail: ReceivedMail, path: string): string {
  const match = mail.text.match(new RegExp(`https?://\\S+${path.replace(/[/?]/g, "\\$&")}\\S*`));
  if (!match) throw new Error(`No ${path} link in mail: ${mail.text}`);
  return match[0];
}
