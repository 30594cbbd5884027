import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { serverStartTimeoutMs } from "./test-timeouts.ts";

export type ServerProcess = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

export type ServerProcessOptions = {
  /** What node runs; `server.ts` unless a test needs another program. */
  args?: string[];
  startTimeoutMs?: number;
};

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

const started = new Set<Started>();

/** Runs `node server.ts` as `npm start` would after building, and waits until it listens. */
export async function startServerProcess(env: Record<string, string>, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const server = spawnServer({ LOG_LEVEL: "info", ...env }, options.args);
  const startTimeoutMs = options.startTimeoutMs ?? serverStartTimeoutMs();
  let timer: NodeJS.Timeout | undefined;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      timer = setTimeout(() => reject(new StartTimeout()), startTimeoutMs);
      const check = () => {
        const match = server.output().match(/"port":(\d+)/);
        if (match) resolve(Number(match[1]));
      };
      server.child.stdout!.on("data", check);
      void server.exited.then(() => reject(new Error(`server exited before listening:\n${server.output()}`)));
    });
    // The same host the server puts in its mail links, so the browser keeps one set of cookies.
    return { ...server, url: `http://localhost:${port}` };
  } catch (error) {
    await killServerProcess(server);
    if (!(error instanceof StartTimeout)) throw error;
    throw new Error(
      `server did not listen within ${startTimeoutMs} ms (raise CRADLE_TEST_START_TIMEOUT_MS on a slow machine); ` +
        `killed it and its children (pid ${server.child.pid}). Its output:\n${server.output()}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `node server.ts` (or `args`, in `cwd`) expecting it to refuse to start; returns its exit code and output. */
export async function runServerExpectingFailure(
  env: Record<string, string>,
  options: { args?: string[]; cwd?: string } = {},
): Promise<{ code: number | null; output: string }> {
  const server = spawnServer(env, options.args, options.cwd);
  const timer = setTimeout(() => void killServerProcess(server), serverStartTimeoutMs());
  try {
    return { code: await server.exited, output: server.output() };
  } finally {
    clearTimeout(timer);
    await killServerProcess(server);
  }
}

/** SIGKILLs the process and everything it started (its process group), and waits for it to exit. */
export async function killServerProcess(server: Started): Promise<void> {
  killGroup(server.child, "SIGKILL");
  await server.exited;
  started.delete(server);
}

/** Every server process a test file started and did not stop; the process and e2e projects run it after each file. */
export async function killStartedServerProcesses(): Promise<void> {
  await Promise.all([...started].map(killServerProcess));
}

function spawnServer(env: Record<string, string>, args = ["server.ts"], cwd?: string): Started {
  // Its own process group, so a kill reaches any child it spawns too.
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", PORT: "0", CREDENTIAL_KEY_SECRET: "test-credential-key-secret-of-32-characters", ...env },
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const server = { child, output: () => output, exited };
  started.add(server);
  void exited.then(() => {
    // The group may outlive its leader; the afterAll kill still reaches it through the pgid.
    if (!hasGroup(child)) started.delete(server);
  });
  return server;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

function hasGroup(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

class StartTimeout extends Error {}

// A worker that ends without its afterAll (a crash, vitest bailing out) still takes its servers with it.
process.once("exit", () => {
  for (const server of started) killGroup(server.child, "SIGKILL");
});
