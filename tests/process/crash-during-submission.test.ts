import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { fingerprint } from "../../src/domain/fingerprint.ts";
import { openDatabase } from "../../src/data/database.ts";
import { HttpClient } from "../setup/http-client.ts";
import { copyMigratedDataDir } from "../setup/migrated-data-dir.ts";
import { startServerProcess } from "../setup/server-process.ts";
import { listApplicationHistory } from "../../src/data/applications.ts";

/**
 * SIGKILL the server while applications are being submitted. After a restart each one must be
 * a draft with nothing of a submission, or submitted with its snapshot, event, audit entry and mails.
 */
describe("killing the server during submission", () => {
  it("leaves each application fully submitted or still a draft", async () => {
    const dataDir = copyMigratedDataDir("cradle-crash-submit-");
    await promisify(execFile)(process.execPath, ["src/cli/seed-demo.ts"], { env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir } });
    let submittedSomewhere = 0;
    for (let round = 0; round < 3; round++) {
      const server = await startServerProcess({ DATA_DIR: dataDir });
      const client = await HttpClient.open(server.url);
      await client.post("/login", { email: "applicant1@sc-imh.demo.cradle.test", password: "cradle-demo-2026" });
      const choice = (await client.get("/applications")).text.match(/value="([^"]+\|alliance-iecmh-e\|ifa)"/)![1]!;
      const drafts: string[] = [];
      for (let index = 0; index < 10; index++) drafts.push((await client.post("/applications", { intent: "apply", choice })).location!);
      const submit = (draft: string) => client.post(draft, { intent: "submit", attest: "on", ethics: "on" });
      // One acknowledged before the kill, however busy the machine: the check below then has a submission to look at.
      expect((await submit(drafts[0]!)).status).toBe(200);
      const submissions = drafts.slice(1).map((draft) => submit(draft).catch(() => undefined));
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 200));
      server.child.kill("SIGKILL");
      await Promise.all(submissions);
      await server.exited;

      const restarted = await startServerProcess({ DATA_DIR: dataDir });
      restarted.child.kill("SIGTERM");
      await restarted.exited;
      const { db, close } = await openDatabase({ dataDir });
      try {
        // The applications this test made: the demo's holders went on past submission, to endorsement.
        const applications = await db
          .selectFrom("applications")
          .innerJoin("users", "users.id", "applications.user_id")
          .select(["applications.id", "applications.status"])
          .where("users.email", "=", "applicant1@sc-imh.demo.cradle.test")
          .execute();
        for (const application of applications) {
          const snapshot = await db
            .selectFrom("application_snapshots")
            .select(["portfolio", "report", "sha256"])
            .where("application_id", "=", application.id)
            .executeTakeFirst();
          const events = await listApplicationHistory(db, application.id);
          const audits = await db
            .selectFrom("audit_log")
            .select("action")
            .where("subject_id", "=", application.id)
            .where("action", "=", "application.submitted")
            .execute();
          const mails = await db.selectFrom("outbox").select("kind").where("text_body", "like", `%/applications/${application.id}%`).execute();
          if (application.status === "draft") {
            expect([snapshot, events.map((e) => e.status), audits.length, mails.length]).toEqual([undefined, ["draft"], 0, 0]);
          } else {
            submittedSomewhere++;
            expect(snapshot!.sha256).toBe(fingerprint({ portfolio: snapshot!.portfolio, report: snapshot!.report }));
            expect([events.map((e) => e.status), audits.length, mails.length]).toEqual([["draft", "submitted"], 1, 1]);
          }
        }
      } finally {
        await close();
      }
    }
    expect(submittedSomewhere).toBeGreaterThan(0);
  });
});
