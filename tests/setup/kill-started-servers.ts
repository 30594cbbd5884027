import { afterAll } from "vitest";
import { killStartedServerProcesses } from "./server-process.ts";

// Setup file of the process and e2e projects: a failed test must not leave its servers listening.
afterAll(killStartedServerProcesses);
