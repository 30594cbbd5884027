import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineCommand, done, refuse, runCommand, unchanged } from "../../src/commands/define-command.ts";
import { deleteRole } from "../../src/data/association-roles.ts";
import { listAuditOfSubject } from "../../src/data/audit-log.ts";
import { person, systemActor } from "../../src/policies/actor.ts";
import { associationPolicy } from "../../src/policies/association.ts";
import { buildAssociation, buildMember } from "../setup/builders.ts";
import { commandsOf } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

/** A command of the test's own that renames an association, to watch what the runner does around it. */
const renameAssociation = defineCommand({
  name: "test.association-renamed",
  actors: ["person"],
  input: z.object({ associationId: z.uuid(), name: z.string().min(1, "error.required"), failAfterWrite: z.boolean().default(false) }),
  policy: (actor, input) => associationPolicy.actAsStaff(actor, { id: input.associationId }),
  async run({ tx, input, notify, actor }) {
    await tx.updateTable("associations").set({ name: input.name }).where("id", "=", input.associationId).execute();
    await notify(actor.userId, "test", { key: "notice.associationJoined", values: { association: input.name } }, "/");
    if (input.failAfterWrite) refuse({ name: "error.tooLong" });
    return done({ type: "association", id: input.associationId, associationId: input.associationId }, null, { name: input.name });
  },
});

async function staffOfNewAssociation() {
  const association = await buildAssociation(app.services.db, { name: "Before" });
  const staff = await buildMember(app.services.db, association.id, "staff");
  return { association, staff, actor: person(staff.id, [{ association_id: association.id, role: "staff" }]) };
}

const nameOf = async (id: string) => (await app.services.db.selectFrom("associations").select("name").where("id", "=", id).executeTakeFirstOrThrow()).name;
const auditOf = (id: string) => listAuditOfSubject(app.services.db, "association", id);

describe("the command runner", () => {
  it("runs the change, audits it under the command's name with who acted, and wakes the mail after the commit", async () => {
    const { association, staff, actor } = await staffOfNewAssociation();
    let wakes = 0;
    const result = await runCommand({ ...commandsOf(app), wakeMail: () => wakes++ }, renameAssociation, actor, {
      associationId: association.id,
      name: "After",
    });
    expect(result).toEqual({ ok: true, value: null });
    expect(await nameOf(association.id)).toBe("After");
    expect((await auditOf(association.id)).map((entry) => [entry.action, entry.actor_kind, entry.actor_user_id, entry.details])).toEqual([
      ["test.association-renamed", "person", staff.id, { name: "After" }],
    ]);
    expect(wakes).toBe(1);
  });

  it("refuses an actor of a kind the command does not take, before anything is read", async () => {
    const { association } = await staffOfNewAssociation();
    const result = await runCommand(commandsOf(app), renameAssociation, systemActor("test"), { associationId: association.id, name: "After" });
    expect(result).toMatchObject({ ok: false, forbidden: true });
    expect(await nameOf(association.id)).toBe("Before");
  });

  it("answers bad input with field errors named by the schema's message keys", async () => {
    const { association, actor } = await staffOfNewAssociation();
    expect(await runCommand(commandsOf(app), renameAssociation, actor, { associationId: association.id, name: "" })).toEqual({
      ok: false,
      errors: { name: "error.required" },
    });
    expect(await runCommand(commandsOf(app), renameAssociation, actor, { associationId: "not-an-id", name: "x" })).toEqual({
      ok: false,
      errors: { associationId: "error.invalid" },
    });
  });

  it("checks the policy with the roles as they are now, not as the session read them", async () => {
    const { association, staff, actor } = await staffOfNewAssociation();
    await deleteRole(app.services.db, staff.id, association.id, "staff");
    const result = await runCommand(commandsOf(app), renameAssociation, actor, { associationId: association.id, name: "After" });
    expect(result).toMatchObject({ ok: false, forbidden: true });
    expect(await nameOf(association.id)).toBe("Before");
  });

  it("rolls back everything a refused command wrote, its mail included, and audits nothing", async () => {
    const { association, staff, actor } = await staffOfNewAssociation();
    let wakes = 0;
    const result = await runCommand({ ...commandsOf(app), wakeMail: () => wakes++ }, renameAssociation, actor, {
      associationId: association.id,
      name: "After",
      failAfterWrite: true,
    });
    expect(result).toEqual({ ok: false, errors: { name: "error.tooLong" } });
    expect(await nameOf(association.id)).toBe("Before");
    expect(await auditOf(association.id)).toEqual([]);
    expect(await app.services.db.selectFrom("outbox").select("id").where("user_id", "=", staff.id).execute()).toEqual([]);
    expect(wakes).toBe(0);
  });

  it("writes no audit entry when nothing changed", async () => {
    const { actor } = await staffOfNewAssociation();
    const noop = defineCommand({ name: "test.nothing", actors: ["person"], input: z.object({}), run: () => Promise.resolve(unchanged("same")) });
    expect(await runCommand(commandsOf(app), noop, actor, {})).toEqual({ ok: true, value: "same" });
    expect(await app.services.db.selectFrom("audit_log").select("id").where("action", "=", "test.nothing").execute()).toEqual([]);
  });

  it("prepares slow work before the transaction opens, and refuses from there without one", async () => {
    const { actor } = await staffOfNewAssociation();
    const seen: boolean[] = [];
    const prepared = defineCommand({
      name: "test.prepared",
      actors: ["person"],
      input: z.object({ refuse: z.boolean() }),
      prepare: (input, { db }) => {
        seen.push(db.isTransaction);
        if (input.refuse) refuse({ form: "error.invalid" });
        return Promise.resolve("hashed");
      },
      run: ({ tx, prepared: value }) => {
        seen.push(tx.isTransaction);
        return Promise.resolve(unchanged(value));
      },
    });
    expect(await runCommand(commandsOf(app), prepared, actor, { refuse: false })).toEqual({ ok: true, value: "hashed" });
    expect(seen).toEqual([false, true]);
    expect(await runCommand(commandsOf(app), prepared, actor, { refuse: true })).toEqual({ ok: false, errors: { form: "error.invalid" } });
    expect(seen).toEqual([false, true, false]);
  });
});
