import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { HttpClient } from "../setup/http-client.ts";
import { copyMigratedDataDir } from "../setup/migrated-data-dir.ts";
import { killServerProcess, startServerProcess } from "../setup/server-process.ts";

/** An SMTP server that, while `holding`, never answers RCPT TO: a message sent then stays claimed and unsent. */
async function startHoldingSmtp() {
  let holding = true;
  let rcptSeen = 0;
  const delivered: Array<{ to: string; at: number }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      rcptSeen++;
      if (!holding) callback();
      // else: no answer, ever (the sender is killed meanwhile)
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        for (const rcpt of session.envelope.rcptTo) delivered.push({ to: rcpt.address, at: Date.now() });
        callback();
      });
    },
  });
  // Cradle is killed mid-exchange on purpose: the reset socket is an error event, not a failure.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    delivered,
    rcptSeen: () => rcptSeen,
    accept: () => void (holding = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const smtp = await startHoldingSmtp();
afterAll(() => smtp.close());

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(50);
  }
}

describe("mail claimed by a process that was killed (issue 15, item 11)", () => {
  it("leaves promptly after a restart on the embedded database, not after the lease, and once", async () => {
    const dataDir = copyMigratedDataDir("cradle-mail-crash-");
    const env = { DATA_DIR: dataDir, SMTP_URL: smtp.url };
    const first = await startServerProcess(env);
    const client = await HttpClient.open(first.url);
    const email = "claimed-then-killed@example.org";
    expect((await client.post("/signup", { name: "Crash Mail", email, password: "a long enough password" })).status).toBe(200);
    // The worker has claimed the confirmation mail and is in the middle of sending it.
    await waitUntil(() => smtp.rcptSeen() > 0, 15_000, "the worker to start sending");
    await killServerProcess(first);
    expect(smtp.delivered).toEqual([]);

    smtp.accept();
    const restarted = await startServerProcess(env);
    const listeningAt = Date.now();
    // The old lease was 2 minutes and the new one is 1: arriving within 20 s of the start means the claim was taken back.
    await waitUntil(() => smtp.delivered.length > 0, 20_000, "the mail after the restart");
    expect(smtp.delivered[0]!.at - listeningAt).toBeLessThan(20_000);
    await delay(1_000);
    expect(smtp.delivered.map((mail) => mail.to)).toEqual([email]);
    restarted.child.kill("SIGTERM");
    await restarted.exited;
  });
});
