import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

export type Child = { process: ChildProcess; pid: number; exited: Promise<void>; output: () => string };

export const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

const running = new Set<Child>();

/** Every process the benchmark started in this process's life, for the smoke test to check they are gone. */
export const startedPids: number[] = [];

/**
 * Runs a node program in its own process group (so stopping it reaches anything it starts), with
 * an IPC channel when asked; kept in a list so every path out of the benchmark stops it.
 */
export function startNodeChild(args: string[], options: { env?: Record<string, string>; ipc?: boolean } = {}): Child {
  const child = spawn(process.execPath, args, {
    cwd: repositoryRoot,
    env: options.env ?? { PATH: process.env.PATH ?? "" },
    stdio: ["ignore", "pipe", "pipe", ...(options.ipc ? (["ipc"] as const) : [])],
    serialization: "advanced",
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`could not start node ${args.join(" ")}`);
  let output = "";
  const keep = (chunk: Buffer) => {
    // Only the end matters when something fails; a long run must not grow this without bound.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = once(child, "exit").then(() => undefined);
  const tracked = { process: child, pid: child.pid, exited, output: () => output };
  running.add(tracked);
  startedPids.push(child.pid);
  void exited.then(() => running.delete(tracked));
  return tracked;
}

/** SIGTERM to the group (a server finishes its requests and releases its data folder), SIGKILL after `graceMs`. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  signalGroup(child, "SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      signalGroup(child, "SIGKILL");
      resolve();
    }, graceMs);
  });
  await Promise.race([child.exited, killed]);
  clearTimeout(timer);
  await child.exited;
  // The leader may be gone while something it started lives on in the group.
  signalGroup(child, "SIGKILL");
  running.delete(child);
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(child: Child, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

// Ctrl-C or a crash of the benchmark must not leave a server holding a port and a data folder.
process.once("exit", () => {
  for (const child of running) signalGroup(child, "SIGKILL");
});

/** For the command line: Ctrl-C stops the children cleanly (a server releases its data folder) before exiting. */
export function stopChildrenOnInterrupt(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      void stopAllChildren().finally(() => process.exit(130));
    });
}
