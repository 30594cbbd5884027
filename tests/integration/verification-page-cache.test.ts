import { sql } from "kysely";
import { pino } from "pino";
import { setTimeout as delay } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineCommand, done, refuse, runCommand } from "../../src/commands/define-command.ts";
import { importPortfolioFile } from "../../src/commands/import-portfolio-file.ts";
import { changeCredentialStatus } from "../../src/data/credentials.ts";
import { openPostgres } from "../../src/data/database.ts";
import type { CredentialStatus } from "../../src/data/schema.ts";
import { systemActor } from "../../src/policies/actor.ts";
import { startCradle } from "../../src/server/start-cradle.ts";
import { associationFormFields, buildUser } from "../setup/builders.ts";
import { buildCredential, commandsOf, runOrThrow } from "../setup/state-builders.ts";
import { renameBehindTheCommands, untilKept, visitorSees } from "../setup/public-cache.ts";
import { testDatabaseKind } from "../setup/test-database.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());
const { db } = app.services;

/** Moves a credential's status through the data layer, in a command's transaction; `thenRefuse` rolls it back. */
const moveStatus = defineCommand({
  name: "test.credential-status-moved",
  actors: ["system"],
  input: z.object({ credentialId: z.string(), from: z.string(), to: z.string(), thenRefuse: z.boolean() }),
  async run({ tx, input, now }) {
    const change = { credentialId: input.credentialId, from: input.from as CredentialStatus, to: input.to as CredentialStatus };
    await changeCredentialStatus(tx, { ...change, effectiveOn: now.toISOString().slice(0, 10), changedBy: null, reason: "test", now });
    if (input.thenRefuse) refuse({ form: "error.invalid" });
    return done({ type: "credential", id: input.credentialId }, null);
  },
});

describe("the verification page from the cache", () => {
  it("is kept after the first request, with an ETag that answers 304, and browsers asked to revalidate", async () => {
    const { user, credential } = await buildCredential(app, { name: "Kept Holder" });
    const path = `/verify/${credential.number}`;
    await untilKept(app, path, user);
    const first = await visitorSees(app.url, path);
    expect(first.cacheControl).toBe("no-cache");
    expect(first.etag).toMatch(/^(W\/)?"/);
    const again = await fetch(`${app.url}${path}`, { headers: { "if-none-match": first.etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    await runOrThrow(app, moveStatus, systemActor("test"), { credentialId: credential.id, from: "active", to: "suspended", thenRefuse: false });
    const changed = await fetch(`${app.url}${path}`, { headers: { "if-none-match": first.etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(first.etag);
    expect(await changed.text()).toContain("Suspended: this credential is not valid while suspended.");
  });

  it("shows a status change at the very next request, in both languages, and not a change that rolled back", async () => {
    const { user, credential } = await buildCredential(app, { name: "Status Holder" });
    const path = `/verify/${credential.number}`;
    await untilKept(app, path, user);
    expect((await visitorSees(app.url, path, { "accept-language": "es" })).text).toContain("Status Holder");

    await renameBehindTheCommands(app, user.id, "Renamed Quietly");
    const rolledBack = await runCommand(commandsOf(app), moveStatus, systemActor("test"), {
      credentialId: credential.id,
      from: "active",
      to: "revoked",
      thenRefuse: true,
    });
    expect(rolledBack.ok).toBe(false);
    const kept = await visitorSees(app.url, path);
    expect(kept.text).toContain("Status Holder");
    expect(kept.text).toContain("Active: this credential is valid.");

    await runOrThrow(app, moveStatus, systemActor("test"), { credentialId: credential.id, from: "active", to: "revoked", thenRefuse: false });
    const english = await visitorSees(app.url, path);
    expect(english.text).toContain("Revoked: this credential is no longer valid.");
    expect(english.text).toContain("Renamed Quietly");
    const spanish = await visitorSees(app.url, path, { "accept-language": "es" });
    expect(spanish.text).toContain('<html lang="es">');
    expect(spanish.text).toContain("Renamed Quietly");
    expect(spanish.text).not.toContain("Active");
  });

  it("drops only the changed credential's page when its holder publishes a field", async () => {
    const changed = await buildCredential(app, { name: "Publishing Holder" });
    const other = await buildCredential(app, { name: "Other Holder", associationId: changed.associationId });
    for (const { user, credential } of [changed, other]) await untilKept(app, `/verify/${credential.number}`, user);
    await renameBehindTheCommands(app, other.user.id, "Other Renamed Quietly");

    const holder = await app.clientAs(changed.user.id);
    expect((await holder.post("/credentials", { credentialId: changed.credential.id, fields: ["email", "issued"] })).status).toBe(200);
    const published = await visitorSees(app.url, `/verify/${changed.credential.number}`);
    expect(published.text).toContain(changed.user.email);
    expect(published.text).toContain(changed.credential.issued_on);
    expect((await visitorSees(app.url, `/verify/${other.credential.number}`)).text).toContain("Other Holder");
  });

  it("shows the holder's new current employer, once published, when their portfolio changes", async () => {
    const { user, credential, actor } = await buildCredential(app, { name: "Working Holder" });
    const path = `/verify/${credential.number}`;
    const holder = await app.clientAs(user.id);
    await holder.post("/credentials", { credentialId: credential.id, fields: "employer" });
    await untilKept(app, path, user);
    expect((await visitorSees(app.url, path)).text).toContain("Family Start");

    const newJob = {
      id: "new-job",
      role: "Coordinator",
      employer: "Newer Employer",
      kind: "prevention",
      start: "2024-09-01",
      hoursPerWeek: 40,
      paid: true,
      ages: { fromMonths: 0, toMonths: 36 },
      familiesServed: 10,
      relationshipFocused: true,
      withParents: true,
    };
    const imported = await runOrThrow(app, importPortfolioFile, actor, {
      kind: "json",
      file: JSON.stringify({ format: "cradle-portfolio", version: 1, work: [newJob] }),
    });
    expect(imported.added).toHaveLength(1);
    expect((await visitorSees(app.url, path)).text).toContain("Newer Employer");
  });

  it("shows an association's new name, changed through its command", async () => {
    const { user, credential, associationId } = await buildCredential(app, { name: "Member Holder" });
    const association = await db.selectFrom("associations").select(["slug", "name"]).where("id", "=", associationId).executeTakeFirstOrThrow();
    const path = `/verify/${credential.number}`;
    await untilKept(app, path, user);
    expect((await visitorSees(app.url, path)).text).toContain(association.name);

    const owner = await buildUser(db, { isOwner: true });
    const ownerBrowser = await app.clientAs(owner.id);
    expect((await ownerBrowser.post(`/owner/associations/${association.slug}`, associationFormFields(association.slug, "Renamed Association"))).status).toBe(
      302,
    );
    expect((await visitorSees(app.url, path)).text).toContain("Renamed Association");
  });
});

describe.runIf(testDatabaseKind() === "postgres")("two servers on one PostgreSQL database", () => {
  it("shows at the other server's next answers a status change made through one", async () => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const other = await startCradle({
      config: { ...app.services.config, port: 0 },
      database: await openPostgres(process.env.DATABASE_URL!, rows[0]!.schema),
      logger: pino({ level: "silent" }),
    });
    try {
      const otherUrl = `http://127.0.0.1:${(other.server.address() as { port: number }).port}`;
      const { user, credential } = await buildCredential(app, { name: "Shared Holder" });
      const path = `/verify/${credential.number}`;
      await untilKept(app, path, user, otherUrl);

      await runOrThrow(app, moveStatus, systemActor("test"), { credentialId: credential.id, from: "active", to: "revoked", thenRefuse: false });
      for (const deadline = Date.now() + 30_000; ; await delay(20)) {
        if ((await visitorSees(otherUrl, path)).text.includes("Revoked: this credential is no longer valid.")) break;
        if (Date.now() > deadline) throw new Error("the other server never showed the revocation");
      }
    } finally {
      await other.close();
    }
  });
});
