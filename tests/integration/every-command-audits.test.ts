import { readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { type Command, runCommand } from "../../src/commands/define-command.ts";
import type { Actor } from "../../src/policies/actor.ts";
import { scenarios } from "../setup/command-scenarios/index.ts";
import { commandsOf } from "../setup/state-builders.ts";
import { startTestApp } from "../setup/test-app.ts";

const app = await startTestApp();
afterAll(() => app.close());

type AnyCommand = Command<Actor["kind"], unknown, unknown, unknown>;

function isCommand(value: unknown): value is AnyCommand {
  const candidate = value as Partial<AnyCommand> | null;
  return typeof candidate?.name === "string" && Array.isArray(candidate.actors) && typeof candidate.run === "function";
}

/** Every command module's exported commands, found by reading the folder: a new command cannot be missed. */
const modules = await Promise.all(
  readdirSync(new URL("../../src/commands/", import.meta.url))
    .filter((file) => file.endsWith(".ts"))
    .map((file) => import(`../../src/commands/${file}`) as Promise<Record<string, unknown>>),
);
const commands = modules.flatMap((module) => Object.values(module).filter(isCommand));

async function auditCount(action: string) {
  const rows = await app.services.db.selectFrom("audit_log").select("id").where("action", "=", action).execute();
  return rows.length;
}

describe("every state change is audited", () => {
  it("finds the commands, each with a unique name and a scenario below", () => {
    const names = commands.map((command) => command.name);
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(scenarios).sort());
  });

  it.each(commands.map((command) => [command.name, command] as const))("%s writes one audit entry named after it", async (name, command) => {
    const { actor, input } = await scenarios[name]!(app);
    const before = await auditCount(name);
    const result = await runCommand(commandsOf(app), command, actor, input);
    expect(result).toMatchObject({ ok: true });
    expect(await auditCount(name)).toBe(before + 1);
  });
});
