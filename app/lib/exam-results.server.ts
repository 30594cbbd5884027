import type { RouterContextProvider } from "react-router";
import { decideExamResult } from "../../src/commands/decide-exam-result.ts";
import { systemActor } from "../../src/policies/actor.ts";
import { run } from "./route-context.server.ts";

/**
 * After a Part 1 score or a rating, Cradle records the result if the framework's rule now settles
 * it (a command of its own, so the result has its own audit entry; it does nothing while pending).
 * Should it not run (a crash between the two), staff record it from the sitting's page.
 */
export async function decideWhenSettled(context: Readonly<RouterContextProvider>, registrationId: string) {
  await run(context, decideExamResult, { registrationId }, systemActor("exam-result"));
}
