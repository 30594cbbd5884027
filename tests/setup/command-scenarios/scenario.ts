import type { Actor } from "../../../src/policies/actor.ts";
import type { RunningCradle } from "../../../src/server/start-cradle.ts";

/** How to reach a state where the command changes something, and who runs it with what. */
export type Scenario = (app: Pick<RunningCradle, "services">) => Promise<{ actor: Actor; input: unknown }>;
