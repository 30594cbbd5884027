import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

/** A server that hangs before it listens, with a child of its own; writes both pids to PID_FILE. */
const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
writeFileSync(process.env.PID_FILE!, JSON.stringify([process.pid, child.pid]));
console.log("starting, and never listening");
setInterval(() => {}, 1000);
