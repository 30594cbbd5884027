import type { RouterContextProvider } from "react-router";
import { frameworksOfPerson } from "../../src/queries/progress.ts";
import { services } from "./route-context.server.ts";

/** The associations a person belongs to, each with its frameworks; and all those frameworks (every one when none yet). */
export function personFrameworks(context: Readonly<RouterContextProvider>, userId: string) {
  return frameworksOfPerson(services(context), userId);
}
